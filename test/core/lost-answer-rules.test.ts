// Which failed writes may have reached the server (outcome unknown) and how the re-list settles them.
import { describe, expect, it } from 'vitest';
import type { Schedule } from '@shared/domain';
import { answerMayBeLost, findCreated, isGone, messageOf, sameExpression } from '@core/schedules/lost-answer';
import { AppFailure } from '@core/errors';

const err = (kind: string, extra: Record<string, unknown> = {}) => ({ kind, message: 'm', ...extra });

describe('answerMayBeLost', () => {
  it('is false for failures the server answered plainly', () => {
    for (const kind of ['unauthorized', 'not-found', 'server', 'bad-request', 'invalid-input', 'offline', 'tls', 'no-secret', 'storage', 'internal'])
      expect(answerMayBeLost(err(kind)), kind).toBe(false);
    expect(answerMayBeLost(new Error('no kind'))).toBe(false);
    expect(answerMayBeLost(null)).toBe(false);
  });

  it('is false when the request never left: DNS, TLS, sign-in, a connect timeout, a refused connection', () => {
    expect(answerMayBeLost(err('network', { step: 'dns' }))).toBe(false);
    expect(answerMayBeLost(err('network', { step: 'tls' }))).toBe(false);
    expect(answerMayBeLost(err('timeout', { step: 'sign-in' }))).toBe(false);
    expect(answerMayBeLost(err('bad-response', { step: 'sign-in' }))).toBe(false);
    expect(answerMayBeLost(err('timeout', { step: 'connect' }))).toBe(false);
    for (const code of ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']) {
      expect(answerMayBeLost(err('network', { step: 'connect', code })), code).toBe(false);
    }
    // A reset or a timeout while signing in for the write (a fresh sign-in after a 401): never sent.
    expect(answerMayBeLost(err('network', { step: 'connect', code: 'ECONNRESET', notSent: true }))).toBe(false);
    expect(answerMayBeLost(err('timeout', { notSent: true }))).toBe(false);
  });

  it('is true once the request may have been acted on: a reset, a silent server, an unreadable answer', () => {
    expect(answerMayBeLost(err('network', { step: 'connect', code: 'ECONNRESET' }))).toBe(true);
    expect(answerMayBeLost(err('network', { step: 'request' }))).toBe(true);
    expect(answerMayBeLost(err('network'))).toBe(true);
    expect(answerMayBeLost(err('network', { code: 42 }))).toBe(true);
    expect(answerMayBeLost(err('timeout', { step: 'response' }))).toBe(true);
    expect(answerMayBeLost(err('timeout'))).toBe(true);
    // A timeout's code never decides: it is the step that says whether the request left.
    expect(answerMayBeLost(err('timeout', { step: 'response', code: 'ECONNREFUSED' }))).toBe(true);
    expect(answerMayBeLost(err('bad-response', { step: 'request' }))).toBe(true);
    expect(answerMayBeLost(new AppFailure('timeout', 'no answer'))).toBe(true);
  });
});

const job = (jobId: string, timeExpression: string, createdAt: string, active?: boolean): Schedule =>
  ({ jobId, timeExpression, createdAt, ...(active === undefined ? {} : { active }) }) as unknown as Schedule;

describe('settling a lost write by the re-list', () => {
  it('compares expressions as the client sends them: trimmed, single spaces, names in any case', () => {
    expect(sameExpression(' 0 0  3 ? * mon * ', '0 0 3 ? * MON *')).toBe(true);
    expect(sameExpression('0 0 3 ? * MON *', '0 0 4 ? * MON *')).toBe(false);
    // The spaces between fields matter: 02:10 is not 02:01.
    expect(sameExpression('0 10 2 ? * *', '0 1 02 ? * *')).toBe(false);
  });

  it('takes the new active job with that expression, the newest of two, never one known before', () => {
    const before = new Set(['old']);
    const after = [
      job('old', '0 0 3 ? * MON *', '2026-11-30T09:00:00Z'),
      job('inactive', '0 0 3 ? * MON *', '2026-11-30T12:00:00Z', false),
      job('other', '0 0 4 ? * MON *', '2026-11-30T12:00:00Z'),
      job('first', '0 0 3 ? * MON *', '2026-11-30T10:00:00Z'),
      job('newest', '0 0 3 ? * mon *', '2026-11-30T11:00:00Z', true),
      job('between', '0 0 3 ? * MON *', '2026-11-30T10:30:00Z'),
    ];
    expect(findCreated(after, before, '0 0 3 ? * MON *')?.jobId).toBe('newest');
    expect(findCreated(after.slice(0, 3), before, '0 0 3 ? * MON *')).toBeNull();
  });

  it('counts a delete done when the job is gone or no longer active', () => {
    expect(isGone([job('a', 'x', '')], 'b')).toBe(true);
    expect(isGone([job('a', 'x', '', false)], 'a')).toBe(true);
    expect(isGone([job('a', 'x', '')], 'a')).toBe(false);
    expect(isGone([job('a', 'x', '', true)], 'a')).toBe(false);
    expect(isGone([job('a', 'x', ''), job('b', 'x', '')], 'a')).toBe(false);
  });

  it('words an error by its message, anything else as text', () => {
    expect(messageOf(new Error('lost'))).toBe('lost');
    expect(messageOf('raw')).toBe('raw');
  });
});

describe('answerMayBeLost for an HTTP answer to the write', () => {
  it('is true for a 2xx it could not read and for a gateway that gave up waiting (502, 504)', () => {
    expect(answerMayBeLost(err('bad-response', { status: 200, step: 'request' }))).toBe(true);
    expect(answerMayBeLost(err('network', { status: 201 }))).toBe(true);
    expect(answerMayBeLost(err('server', { status: 502 }))).toBe(true);
    expect(answerMayBeLost(err('server', { status: 504 }))).toBe(true);
  });

  it('is false for a refusal, whatever went wrong reading it, and for an answer to the sign-in', () => {
    for (const status of [400, 401, 403, 404, 409, 429, 500, 501, 503]) expect(answerMayBeLost(err('server', { status })), String(status)).toBe(false);
    expect(answerMayBeLost(err('network', { status: 400 }))).toBe(false);
    expect(answerMayBeLost(err('bad-response', { status: 500 }))).toBe(false);
    expect(answerMayBeLost(err('server', { status: 504, step: 'sign-in' }))).toBe(false);
  });
});
