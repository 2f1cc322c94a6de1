// Which runs make an org's typical duration: a run's end counts when known within two polls or a quarter
// of its length (the bounds included); a failed check ends nothing; a run followed at once by another has
// ended; runs the server gives no id are told apart by what it says of them; the median is of the org's
// own latest 20 runs; and a failed first check shows nothing running.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_DIR, type StoredRun } from '@core/health/history-store';
import { call, callFails, profileInput } from '../core/helpers';
import { eventsOf, orgWithDailyJob, START, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const SEC = 1000;
const MIN = 60 * SEC;
const iso = (ms: number): string => new Date(ms).toISOString();

async function running(x: World) {
  return call(x.core, 'maintenance:running', { profileId: x.profileId });
}

describe('the typical duration', () => {
  it('counts an end known within two polls, or within a quarter of the run, at the bound itself', async () => {
    w = await world(); // polls every 30 s
    w.server.setRunDuration('default', 1 * MIN);
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(30 * SEC);
    expect((await running(w)).running?.startedAt).toBe(iso(START));
    w.advance(60 * SEC); // ended 30 s ago; last seen 60 s ago: two polls
    expect((await running(w)).typicalDurationMs).toBe(90 * SEC);

    w.server.setRunDuration('default', 10 * MIN);
    const second = w.now().getTime();
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(9 * MIN);
    expect((await running(w)).running?.startedAt).toBe(iso(second));
    w.advance(3 * MIN); // last seen 3 min ago: a quarter of its 12 minutes
    const ended = await running(w);
    expect(ended.running).toBeNull();
    expect(ended.typicalDurationMs).toBe((90 * SEC + 12 * MIN) / 2);
  });

  it('a check that fails ends nothing: the run still shows, and its end seen much later does not count', async () => {
    w = await world();
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(5 * MIN);
    await running(w);
    w.advance(1 * MIN);
    w.server.inject({ endpoint: 'running', action: { type: 'status', status: 500 }, times: 2 });
    expect((await callFails(w.core, 'maintenance:running', { profileId: w.profileId })).kind).toBe('server');
    const failed = eventsOf(w, 'maintenance:running-changed').at(-1);
    expect([failed?.error?.kind, failed?.running?.startedAt, failed?.typicalDurationMs]).toEqual(['server', iso(START), null]);
    w.advance(6 * MIN); // ended 2 min ago, last seen 7 min ago
    expect(await running(w)).toMatchObject({ running: null, typicalDurationMs: null });
  });

  it('a run followed at once by another has ended', async () => {
    w = await world();
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(9 * MIN);
    await running(w);
    w.advance(2 * MIN); // the first ended a minute ago; the next starts now
    const next = await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    expect(next.running?.running?.startedAt).toBe(iso(START + 11 * MIN));
    expect(next.running?.typicalDurationMs).toBe(11 * MIN);
  });

  it('tells runs without an id apart by their start, and one gone from one still running', async () => {
    w = await world();
    const job = (startTime: string) => ({
      endpoint: 'running' as const,
      times: 1,
      action: {
        type: 'raw' as const,
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          status: { code: 0, message: '200 OK' },
          response: { triggerType: 'ScheduledMaintenance', creationTime: iso(START - 60 * MIN), startTime, status: 'RUNNING' },
        }),
      },
    });
    w.server.inject(job(iso(START - 30 * MIN)));
    await running(w);
    w.server.inject(job(iso(START - 20 * MIN))); // queued behind it, started since
    expect((await running(w)).typicalDurationMs).toBe(30 * MIN);
    w.advance(1 * MIN); // gone: the simulator has nothing running
    expect(await running(w)).toMatchObject({ running: null, typicalDurationMs: (30 * MIN + 21 * MIN) / 2 });
  });

  it('is the median of the org’s own latest 20 runs', async () => {
    w = await world({ seed: [orgWithDailyJob(), orgWithDailyJob({ orgId: 'sales', name: 'Sales', jobs: [] })] });
    // 21 runs on disk: the oldest 11 took 100 minutes, the latest 10 took 10.
    const runs: StoredRun[] = Array.from({ length: 21 }, (_, i) => {
      const started = START - (30 - i) * 86_400_000;
      const durationMs = (i < 11 ? 100 : 10) * MIN;
      return { orgId: 'default', triggerType: 'ScheduledMaintenance', startedAt: iso(started), endedAt: iso(started + durationMs), durationMs };
    });
    await mkdir(join(w.dir, HISTORY_DIR), { recursive: true });
    await writeFile(
      join(w.dir, HISTORY_DIR, `${w.profileId}.json`),
      JSON.stringify({ historyVersion: 1, profileId: w.profileId, executions: [], runs, neverRun: [] }),
    );
    expect((await running(w)).typicalDurationMs).toBe(55 * MIN);

    // The same profile pointed at another org knows none of them.
    await call(w.core, 'profiles:save', { profile: { ...profileInput(w.server, { orgId: 'sales' }), id: w.profileId } });
    expect((await running(w)).typicalDurationMs).toBeNull();
  });

  it('a first check that fails shows nothing running', async () => {
    w = await world();
    w.server.inject({ endpoint: 'running', action: { type: 'status', status: 500 }, times: 2 });
    await callFails(w.core, 'maintenance:running', { profileId: w.profileId });
    const [first] = eventsOf(w, 'maintenance:running-changed');
    expect(first).toMatchObject({ running: null, error: { kind: 'server' } });
    expect(first?.running).toBeNull();
  });
});
