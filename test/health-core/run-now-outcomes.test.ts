// Run now's outcome, as the audit log and the user read it, for each way its answer can go wrong: a
// refused connection proves nothing was sent (failed); a server error is a refusal (failed); an answer
// that never comes or cannot be read may hide a started run (unknown, never repeated, running re-read).
import { afterEach, describe, expect, it } from 'vitest';
import { call, callFails } from '../core/helpers';
import { eventsOf, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function runNowOutcome(x: World): Promise<{ message: string; outcomes: string[][] }> {
  const error = await callFails(x.core, 'maintenance:run-now', { profileId: x.profileId, orgId: 'default' });
  const audit = await call(x.core, 'audit:list', { profileId: x.profileId });
  return { message: error.message, outcomes: audit.map((a) => [a.action, a.outcome, a.resolution ?? 'none']) };
}

describe('run now when its answer goes wrong', () => {
  it('a refused connection sent nothing: failed, and not said to have maybe started', async () => {
    w = await world();
    await call(w.core, 'schedules:list', { profileId: w.profileId }); // signed in, token cached
    await w.server.setOffline(true);
    const { message, outcomes } = await runNowOutcome(w);
    expect(message).toContain('refused the connection');
    expect(message).not.toContain('may have started');
    expect(outcomes).toEqual([['run-now', 'failed', 'none']]);
  });

  it('a server error is a refusal: failed', async () => {
    w = await world();
    w.server.inject({ endpoint: 'run-now', action: { type: 'status', status: 500 } });
    const { message, outcomes } = await runNowOutcome(w);
    expect(message).not.toContain('may have started');
    expect(outcomes).toEqual([['run-now', 'failed', 'none']]);
    expect(w.server.requests({ endpoint: 'run-now' })).toHaveLength(1);
  });

  it('an answer that never comes is unknown and unresolved, sent once, and the running state is read again at once', async () => {
    w = await world({ core: { requestTimeoutMs: 300 } });
    w.server.inject({ endpoint: 'run-now', action: { type: 'hang' }, when: 'after', times: 1 });
    const { message, outcomes } = await runNowOutcome(w);
    expect(message).toContain('maintenance may have started in org "default"');
    expect(message).toContain('check the running state before trying again');
    expect(outcomes).toEqual([['run-now', 'unknown', 'unresolved']]);
    expect(w.server.requests({ endpoint: 'run-now' })).toHaveLength(1);
    await expect.poll(() => eventsOf(w!, 'maintenance:running-changed').at(-1)?.running?.triggerType).toBe('RunImmediately');
  });

  it('a 200 answer that is not the API (a proxy page) is unknown too', async () => {
    w = await world();
    w.server.inject({
      endpoint: 'run-now',
      action: { type: 'raw', status: 200, contentType: 'text/html', body: '<html><body>Please sign in</body></html>' },
      when: 'after',
      times: 1,
    });
    const { message, outcomes } = await runNowOutcome(w);
    expect(message).toContain('may have started');
    expect(outcomes).toEqual([['run-now', 'unknown', 'unresolved']]);
  });

  it('a redirect is a refusal (never followed): failed', async () => {
    w = await world();
    w.server.inject({ endpoint: 'run-now', action: { type: 'raw', status: 302, contentType: 'text/html', body: '<a href="/login">moved</a>' } });
    const { message, outcomes } = await runNowOutcome(w);
    expect(message).toContain('redirects are not followed');
    expect(outcomes).toEqual([['run-now', 'failed', 'none']]);
  });

  it('a gateway that gave up (502) is unknown', async () => {
    w = await world();
    w.server.inject({ endpoint: 'run-now', action: { type: 'status', status: 502 }, when: 'after', times: 1 });
    expect((await runNowOutcome(w)).outcomes).toEqual([['run-now', 'unknown', 'unresolved']]);
  });
});

describe('history:list windows', () => {
  it('refuses a window that ends before it starts, or spans more than a year', async () => {
    w = await world();
    const backwards = await callFails(w.core, 'history:list', { profileId: w.profileId, from: '2026-11-20T00:00:00.000Z', to: '2026-11-10T00:00:00.000Z' });
    expect(backwards).toEqual({ kind: 'invalid-input', message: 'The history window starts after it ends: pick a start before the end.' });
    const long = await callFails(w.core, 'history:list', { profileId: w.profileId, from: '2025-01-01T00:00:00.000Z', to: '2026-01-03T00:00:00.000Z' });
    expect(long.message).toBe('The history window is longer than a year: pick a shorter one.');
    const year = await call(w.core, 'history:list', { profileId: w.profileId, from: '2025-11-28T12:00:00.000Z', to: '2026-11-28T12:00:00.000Z' });
    expect(year.executions).toEqual([]);
  });
});
