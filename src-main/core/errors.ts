// The one error shape that leaves core: { kind, message }. No stack, and never a secret (redacted).
import { ERROR_KINDS, type AppError, type ErrorKind } from '@shared/domain';
import { redactSecrets } from '@core/atscale/index';

/** Thrown inside core for failures a person can act on; becomes an AppError at the handler boundary. */
export class AppFailure extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'AppFailure';
    this.kind = kind;
  }
}

export function fail(kind: ErrorKind, message: string): never {
  throw new AppFailure(kind, message);
}

const KINDS: ReadonlySet<unknown> = new Set<string>(ERROR_KINDS);

export function isErrorKind(value: unknown): value is ErrorKind {
  return KINDS.has(value);
}

/** Errors from the AtScale client (and AppFailure) carry `kind` and `message`. */
export function kindOf(error: unknown): ErrorKind | null {
  if (typeof error === 'object' && error !== null && 'kind' in error) {
    const kind = (error as { kind: unknown }).kind;
    return isErrorKind(kind) ? kind : null;
  }
  return null;
}

/** An Error's message (found by the `in` check like any other object's), else the value as text. */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** Replaces every known secret (and its URL-encoded form) in a text, as the AtScale client does. */
export type Redactor = (text: string) => string;

export function createRedactor(secrets: () => Iterable<string>): Redactor {
  return (text) => redactSecrets(text, [...secrets()]);
}

export function toAppError(error: unknown, redact: Redactor, context: string): AppError {
  const kind = kindOf(error);
  if (kind) return { kind, message: redact(messageOf(error)) };
  // Unknown failures keep their first line only: no stack, no multi-line dumps.
  const first = messageOf(error).split('\n')[0] ?? '';
  return { kind: 'internal', message: redact(`Unexpected error while ${context}: ${first}`) };
}

/** How much of what the user typed a message quotes at most. */
export const INPUT_EXCERPT_CHARS = 60;

/**
 * What the user typed, as a message may quote it: one line (control and bidi characters become spaces),
 * at most `max` characters (cut with "…"), inside “ ” so where the quote ends is plain.
 */
export function quote(text: string, max = INPUT_EXCERPT_CHARS): string {
  return `“${excerptOf(text, max)}”`;
}

/** The same excerpt without the marks, for a label that is shown on its own (an import's skipped name). */
export function excerptOf(text: string, max = INPUT_EXCERPT_CHARS): string {
  const line = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(line);
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : line;
}
