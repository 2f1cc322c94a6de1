// The rule for effects after a server write: once the server has accepted a create or delete, that
// acceptance IS the answer. Local bookkeeping that follows (the audit record, the offline snapshot) is
// attempted, each effect on its own; one that fails never turns the success into an error. It becomes
// a `warning` on the success answer ("Created on the server, but ...") and a data problem in app:info,
// so the user knows the server changed and which local record is missing.
import type { DataProblem } from '@shared/ipc';
import type { Redactor } from '@core/errors';

export interface LocalEffect {
  /** What the effect keeps, as a warning names it: "the local audit record". */
  what: string;
  /** The data file it writes, as app:info lists it: "audit.jsonl". */
  file: string;
  run: () => Promise<void>;
}

export interface WriteEffectsDeps {
  redact: Redactor;
  now: () => Date;
  reportProblem: (problem: DataProblem) => void;
}

/**
 * Runs every effect after a write the server accepted. `done` says what happened on the server
 * ("Created on the server"). Resolves with the warning for the answer (null when all were written);
 * never rejects.
 */
export async function afterServerWrite(deps: WriteEffectsDeps, done: string, effects: readonly LocalEffect[]): Promise<string | null> {
  const warnings: string[] = [];
  for (const effect of effects) {
    try {
      await effect.run();
    } catch (error) {
      const cause = deps.redact(causeOf(error));
      warnings.push(`${done}, but ${effect.what} could not be written: ${cause}`);
      deps.reportProblem({
        file: effect.file,
        movedTo: null,
        reason: `${done}, but ${effect.what} could not be written (${cause}). Check that the data folder is writable and the disk is not full.`,
        at: deps.now().toISOString(),
      });
    }
  }
  return warnings.length === 0 ? null : warnings.join(' ');
}

function causeOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 300);
}
