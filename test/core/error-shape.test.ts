// What leaves the core when something fails: { kind, message } in words, the secret never in it, at most
// the first line of an unexpected error, and only a short one-line quote of what the user typed.
import { describe, expect, it } from 'vitest';
import { AppFailure, createRedactor, excerptOf, fail, isErrorKind, kindOf, quote, toAppError, INPUT_EXCERPT_CHARS } from '@core/errors';

const redact = createRedactor(() => ['s3cret-pass']);

describe('toAppError', () => {
  it('keeps the kind and message of a failure a person can act on, redacted', () => {
    const error = toAppError(new AppFailure('unauthorized', 'Sign-in refused for s3cret-pass'), redact, 'listing');
    expect(error).toEqual({ kind: 'unauthorized', message: 'Sign-in refused for ***' });
  });

  it('reads kind and message from a plain object the client threw', () => {
    expect(toAppError({ kind: 'timeout', message: 'no answer in 3 s' }, redact, 'listing')).toEqual({ kind: 'timeout', message: 'no answer in 3 s' });
  });

  it('turns an unknown failure into internal, naming what was going on, first line only, redacted', () => {
    const error = toAppError(new TypeError('boom s3cret-pass\n    at secretFrame (file.ts:1)'), redact, 'saving the profile');
    expect(error).toEqual({ kind: 'internal', message: 'Unexpected error while saving the profile: boom ***' });
  });

  it('treats an object with an unknown kind, or a thrown string, as internal', () => {
    expect(toAppError({ kind: 'weird', message: 'x' }, redact, 'a')).toEqual({ kind: 'internal', message: 'Unexpected error while a: x' });
    expect(toAppError('plain words', redact, 'b')).toEqual({ kind: 'internal', message: 'Unexpected error while b: plain words' });
    expect(toAppError(null, redact, 'c')).toEqual({ kind: 'internal', message: 'Unexpected error while c: null' });
  });

  it('redacts the URL-encoded form of a secret too', () => {
    const r = createRedactor(() => ['pw with/space']);
    expect(toAppError(new AppFailure('network', `GET /x?p=${encodeURIComponent('pw with/space')}`), r, 'x').message).toBe('GET /x?p=***');
  });
});

describe('kindOf and isErrorKind', () => {
  it('knows the error kinds and nothing else', () => {
    expect(isErrorKind('offline')).toBe(true);
    expect(isErrorKind('Offline')).toBe(false);
    expect(isErrorKind(3)).toBe(false);
    expect(kindOf({ kind: 'not-found' })).toBe('not-found');
    expect(kindOf({ kind: 'nope' })).toBeNull();
    expect(kindOf({})).toBeNull();
    expect(kindOf(null)).toBeNull();
    expect(kindOf('network')).toBeNull();
  });

  it('fail throws an AppFailure with that kind and message', () => {
    expect(() => fail('not-found', 'no such job')).toThrow(expect.objectContaining({ name: 'AppFailure', kind: 'not-found', message: 'no such job' }));
  });
});

describe('quoting what the user typed', () => {
  it('quotes it on one line, marked, with control and direction characters as spaces', () => {
    expect(quote('a\tb\nc\u202ed\u2066e\u0085f  ')).toBe('“a b c d e f”');
    expect(excerptOf('  x\u0000\u001fy\u007fz\u2028w\u2029v  ')).toBe('x y z w v');
  });

  it('cuts a long input at the limit with an ellipsis, counting characters not code units', () => {
    const long = '😀'.repeat(INPUT_EXCERPT_CHARS + 5);
    const cut = excerptOf(long);
    expect(Array.from(cut)).toHaveLength(INPUT_EXCERPT_CHARS);
    expect(cut.endsWith('😀…')).toBe(true);
    expect(excerptOf('a'.repeat(INPUT_EXCERPT_CHARS))).toBe('a'.repeat(INPUT_EXCERPT_CHARS));
    expect(quote('word word word', 6)).toBe('“word…”');
  });
});
