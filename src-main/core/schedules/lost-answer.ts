// Whether a failed write may have reached the server. A write refused before its request left this
// computer (DNS, a refused connection, TLS, sign-in, a connect timeout) is a plain failure, and so is an
// HTTP refusal. Anything after that point (a dropped connection, a silent server, an answer we could not
// read, a gateway that gave up waiting) may have been acted on: its outcome is unknown until a re-list
// settles it.
import type { Schedule } from '@shared/domain';
import { AppFailure, kindOf } from '@core/errors';

/** Socket codes that mean no connection was ever made, so no request was sent (`has` of any other value is false). */
export const NEVER_CONNECTED: ReadonlySet<unknown> = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
]);

export function answerMayBeLost(error: unknown): boolean {
  const kind = kindOf(error);
  if (kind === null) return false;
  // A kind was found, so the error is an object; a missing step, code or status reads as undefined.
  const { step, code, status, notSent } = error as { step?: unknown; code?: unknown; status?: unknown; notSent?: unknown };
  // It failed while signing in (after a 401, say): the write itself never left.
  if (notSent === true) return false;
  if (typeof status === 'number' && step !== 'sign-in') {
    // An HTTP answer to the write itself: a 2xx we could not read means it was done; a gateway that gave
    // up waiting on the engine (502, 504) cannot know whether it acted; any other status is a refusal.
    return Math.floor(status / 100) === 2 || status === 502 || status === 504;
  }
  // bad-response: the server answered, but not in a form we can trust; it may well have acted.
  if (kind !== 'network' && kind !== 'timeout' && kind !== 'bad-response') return false;
  if (step === 'dns' || step === 'tls' || step === 'sign-in') return false;
  if (kind === 'timeout') return step !== 'connect';
  // A reset is tagged 'connect' whether it came before or after the request was written: unknown.
  return !NEVER_CONNECTED.has(code);
}

/** How the client sends an expression (trimmed, single spaces); Quartz reads names in any case. */
export function sameExpression(a: string, b: string): boolean {
  // Stryker disable next-line MethodExpression: folding both sides to lower case compares the same
  const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toUpperCase();
  return norm(a) === norm(b);
}

/** The job a lost create made: active, with that expression, not among the jobs known before it. */
export function findCreated(after: readonly Schedule[], before: ReadonlySet<string>, expression: string): Schedule | null {
  const fresh = after.filter((s) => s.active !== false && !before.has(s.jobId) && sameExpression(s.timeExpression, expression));
  // Two new matches (someone else made the same one meanwhile): the newest is the likelier ours.
  fresh.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return fresh[0] ?? null;
}

/** A lost delete took effect when the job is no longer listed as active. */
export function isGone(after: readonly Schedule[], jobId: string): boolean {
  return !after.some((s) => s.jobId === jobId && s.active !== false);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How one kind of write is settled after its answer was lost, and how it is told. */
export interface LostWrite<T> {
  /** 'created' or 'deleted', as in "The server may have created it". */
  verb: string;
  /** What the re-list shows when the write did not happen, e.g. "it was not created". */
  notDone: string;
  /** The advice when the re-list failed too. */
  whenUnknown: string;
  /** The audit resolution when the write did not happen, e.g. "not created (re-list)". */
  notDoneResolution: string;
  /** The server's list now; null when it could not be read either. */
  relist: () => Promise<Schedule[] | null>;
  /** What the write did according to the re-list, or null when it did not happen. */
  settled: (after: readonly Schedule[]) => T | null;
  /** Audits a write that did not happen (or may not have). */
  recordFailure: (outcome: { outcome: 'failed' | 'unknown'; error: string; resolution: string | null }) => Promise<void>;
}

/**
 * The one rule after a write failed. Refused before sending (a bad expression): rethrown, nothing
 * audited. Not sent, or plainly answered: audited as failed, rethrown. Sent and its answer lost: the
 * re-list settles it: done -> what it did (the caller answers success, reconciled); not done -> the
 * original error, safe to try again; the re-list failed too -> 'outcome-unknown'.
 */
export async function settleLostWrite<T>(error: unknown, write: LostWrite<T>): Promise<{ found: T; lost: string }> {
  if (kindOf(error) === 'invalid-input') throw error;
  const reason = messageOf(error);
  if (!answerMayBeLost(error)) {
    await write.recordFailure({ outcome: 'failed', error: reason, resolution: null });
    throw error;
  }
  const after = await write.relist();
  if (after === null) {
    await write.recordFailure({ outcome: 'unknown', error: reason, resolution: 'unresolved' });
    throw new AppFailure('outcome-unknown', `The server may have ${write.verb} it: the answer was lost (${bare(reason)}). ${write.whenUnknown}`);
  }
  const found = write.settled(after);
  if (found === null) {
    await write.recordFailure({ outcome: 'failed', error: reason, resolution: write.notDoneResolution });
    throw new AppFailure(kindOf(error) ?? 'network', `${reason} The re-list shows ${write.notDone}, so it is safe to try again.`);
  }
  return { found, lost: reason };
}

/** A sentence without its closing period, to sit inside parentheses. */
function bare(sentence: string): string {
  return sentence.trim().replace(/[.\s]+$/, '');
}
