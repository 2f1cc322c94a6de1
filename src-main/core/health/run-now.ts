// Run now: starts maintenance in the profile's org, bound to the org the user confirmed, sent exactly once
// and audited; the running state is asked right after so it shows at once. The audit record follows the
// rule for effects after a server write (write-effects.ts): a record that cannot be written never turns
// the server's answer into another one.
import type { AuditEntry, Profile } from '@shared/domain';
import type { DataProblem, RunNowResult, RunningState } from '@shared/ipc';
import { serverKeyOf } from '@shared/profile-urls';
import { AppFailure, kindOf, type Redactor } from '@core/errors';
import { requireProfile } from '@core/profiles/profile-store';
import type { ClientPool } from '@core/schedules/client-pool';
import { answerMayBeLost } from '@core/schedules/lost-answer';
import { afterServerWrite } from '@core/schedules/write-effects';
import { AUDIT_FILE, type AuditLog } from '@core/storage/audit-log';

export interface RunNowDeps {
  profiles: { get(id: string): Profile | undefined };
  pool: Pick<ClientPool, 'clientFor'>;
  audit: AuditLog;
  redact: Redactor;
  now: () => Date;
  checkRunning: (profileId: string) => Promise<RunningState>;
  /** A local file could not be written (listed in app:info's dataProblems). */
  reportProblem: (problem: DataProblem) => void;
}

export async function runNow(deps: RunNowDeps, profileId: string, orgId: string): Promise<RunNowResult> {
  const profile = requireProfile(deps.profiles, profileId);
  if (profile.orgId !== orgId) {
    throw new AppFailure(
      'profile-mismatch',
      `Run now was confirmed for org "${orgId}", but profile "${profile.name}" is connected to org "${profile.orgId}". Nothing was sent; check the profile and try again.`,
    );
  }
  const client = await deps.pool.clientFor(profile);
  if (!client.runNow) throw new AppFailure('invalid-input', 'This connection cannot start maintenance. Nothing was sent.');
  // A lost answer stays unresolved: a run in progress afterwards could as well be a scheduled one.
  // Resolves with the warning for the answer (null when written); never rejects.
  const record = (outcome: AuditEntry['outcome'], error: string | null, done: string): Promise<string | null> =>
    afterServerWrite({ redact: deps.redact, now: deps.now, reportProblem: deps.reportProblem }, done, [
      {
        what: 'the local audit record',
        file: AUDIT_FILE,
        run: () =>
          deps.audit.append({
            at: deps.now().toISOString(),
            profileId: profile.id,
            profileName: profile.name,
            orgId: profile.orgId,
            server: serverKeyOf(profile.apiUrl),
            action: 'run-now',
            jobId: null,
            timeExpression: null,
            outcome,
            error: error === null ? null : deps.redact(error),
            resolution: outcome === 'unknown' ? 'unresolved' : null,
          }),
      },
    ]);

  let message: string;
  try {
    // Once: a second request after a lost answer could start a second run.
    message = (await client.runNow()).message;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // Refused before anything was sent: not audited.
    // Stryker disable next-line ConditionalExpression,StringLiteral: the AtScale client checks its input when it is made (clientFor, above): its runNow never answers invalid-input
    if (kindOf(error) === 'invalid-input') throw error;
    if (answerMayBeLost(error)) {
      const warning = await record('unknown', text, 'Maintenance may have started');
      // Whatever happened, the watchers should see the org's state now.
      void deps.checkRunning(profileId).catch(() => undefined);
      throw new AppFailure(
        'outcome-unknown',
        `${text} The request was sent once and not repeated, so maintenance may have started in org "${profile.orgId}": check the running state before trying again.${warning ? ` ${warning}` : ''}`,
      );
    }
    await record('failed', text, 'Maintenance was not started');
    throw error;
  }
  const warning = await record('ok', null, 'Maintenance started on the server');
  const running = await deps.checkRunning(profileId).catch(() => null);
  return { message, running, warning };
}
