// The running job when the server's clock is ahead of ours: a run said to start in the future and seen
// gone at the next check lasted no time, never a negative time.
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../core/helpers';
import { START, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const iso = (ms: number): string => new Date(ms).toISOString();

function runningJob(startMs: number) {
  return {
    type: 'raw' as const,
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({
      status: { code: 0, message: '200 OK' },
      response: { id: 'ahead-1', triggerType: 'RunImmediately', creationTime: iso(startMs), startTime: iso(startMs), status: 'RUNNING' },
    }),
  };
}

describe('a server clock ahead of ours', () => {
  it('a run starting "in the future" that is gone at the next check took no time', async () => {
    w = await world();
    w.server.inject({ endpoint: 'running', action: runningJob(START + 20_000), times: 1 });
    const first = await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(first).toMatchObject({ running: { triggerType: 'RunImmediately', startedAt: iso(START + 20_000) }, typicalDurationMs: null });
    w.advance(10_000);
    const ended = await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(ended).toMatchObject({ running: null, typicalDurationMs: 0, checkedAt: iso(START + 10_000), error: null });
  });
});
