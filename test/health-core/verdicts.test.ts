// Every listed schedule carries its health, judged against the simulator's real scheduler behaviour:
// on time, missed while the scheduler is paused, late when runs queue, extra after an event-triggered run,
// and a zone hint when the server fires in another zone than the profile says.
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../core/helpers';
import { DAILY_JOB, DAY, HOUR, START, orgWithDailyJob, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const iso = (ms: number): string => new Date(ms).toISOString();
const TODAY_04 = Date.parse('2026-11-28T04:00:00.000Z');

async function dailyHealth(x: World) {
  const list = await call(x.core, 'schedules:list', { profileId: x.profileId });
  const s = list.schedules.find((j) => j.jobId === DAILY_JOB);
  if (!s) throw new Error('the daily job is not listed');
  return { list, health: s.health };
}

describe('schedule health on schedules:list', () => {
  it('a daily job that ran at 04:00 is on time, and says when it was expected and ran', async () => {
    w = await world();
    const { list, health } = await dailyHealth(w);
    expect(health).toEqual({ verdict: 'on-time', expectedAt: iso(TODAY_04), executedAt: iso(TODAY_04) });
    expect(list.zoneHint).toBeNull();
  });

  it('a paused scheduler: the last run is three days old and the expected fire is missed', async () => {
    w = await world();
    w.server.setSchedulerPaused('default', true, { at: new Date(START - 3 * DAY) });
    const { health } = await dailyHealth(w);
    expect(health).toEqual({ verdict: 'missed', expectedAt: iso(TODAY_04), executedAt: iso(TODAY_04 - 3 * DAY) });
  });

  it('a job created months ago that never ran is missed, not just "never run"', async () => {
    w = await world({
      seed: [
        orgWithDailyJob({
          pausedDaysAgo: 200,
          jobs: [{ jobId: DAILY_JOB, timeExpression: '0 0 4 ? * * *', fullBuild: false, createdBy: 'admin', createdDaysAgo: 180 }],
        }),
      ],
    });
    const { list, health } = await dailyHealth(w);
    expect(list.schedules[0]?.latestExecution).toBeNull();
    expect(health).toEqual({ verdict: 'missed', expectedAt: iso(TODAY_04), executedAt: null });
    // The calendar's marks: every fire since creation went unanswered, and the list proved it.
    const { executions, fires } = await call(w.core, 'history:list', { profileId: w.profileId, from: iso(TODAY_04 - 2 * DAY - HOUR) });
    expect(executions).toEqual([]);
    expect(fires.map((f) => [f.jobId, f.at, f.verdict])).toEqual([0, 1, 2].map((d) => [DAILY_JOB, iso(TODAY_04 - (2 - d) * DAY), 'missed']));
  });

  it('runs that queue two hours are late, and on time again with a profile grace of three hours', async () => {
    w = await world();
    w.server.setLateRuns('default', 2 * HOUR, { at: new Date(START - 2 * DAY) });
    expect((await dailyHealth(w)).health).toEqual({ verdict: 'late', expectedAt: iso(TODAY_04), executedAt: iso(TODAY_04 + 2 * HOUR) });

    const profile = (await call(w.core, 'profiles:list', {}))[0]!;
    const { hasSecret: _h, secretStorage: _s, demo: _d, createdAt: _c, updatedAt: _u, ...input } = profile;
    await call(w.core, 'profiles:save', { profile: { ...input, healthGraceMinutes: 180 } });
    expect((await dailyHealth(w)).health.verdict).toBe('on-time');
    // The setting is kept on disk.
    const again = await w.restart();
    expect((await call(again, 'profiles:list', {}))[0]?.healthGraceMinutes).toBe(180);
  });

  it('an event-triggered run after the 04:00 run is extra, and history:list shows both beside their fire', async () => {
    w = await world();
    expect((await dailyHealth(w)).health.verdict).toBe('on-time');
    w.server.triggerEvent('default', { at: new Date(START + HOUR) });
    w.advance(2 * HOUR);
    const { health } = await dailyHealth(w);
    expect(health).toEqual({ verdict: 'extra', expectedAt: iso(TODAY_04), executedAt: iso(START + HOUR) });

    const history = await call(w.core, 'history:list', { profileId: w.profileId, jobId: DAILY_JOB });
    expect(history.executions.map((h) => [h.executedAt, h.expectedAt, h.latenessMs, h.verdict])).toEqual([
      [iso(START + HOUR), null, null, 'extra'],
      [iso(TODAY_04), iso(TODAY_04), 0, 'on-time'],
    ]);
  });

  it('a server firing in New York for a profile saying UTC: late by five hours, and the list names the zone', async () => {
    w = await world({ sim: { timeZone: 'America/New_York' } });
    const first = await dailyHealth(w);
    // 04:00 in New York is 09:00 UTC: five hours after the fire the profile's zone expects.
    expect(first.health).toEqual({ verdict: 'late', expectedAt: iso(TODAY_04), executedAt: iso(TODAY_04 + 5 * HOUR) });
    expect(first.list.zoneHint).toBeNull(); // one run proves nothing
    w.advance(DAY);
    const second = await dailyHealth(w);
    expect(second.list.zoneHint).toMatchObject({ zone: 'America/New_York', offsetMinutes: 300 });
    expect(second.list.zoneHint?.message).toContain('Executions match America/New_York; this profile says UTC');
  });

  it('a snapshot answer carries health too, judged as of when it was fetched', async () => {
    w = await world();
    await dailyHealth(w);
    await w.server.setOffline(true);
    w.advance(DAY); // tomorrow's 04:00 has passed, but nobody could see whether it ran
    const { list, health } = await dailyHealth(w);
    expect(list.source).toBe('snapshot');
    expect(health).toEqual({ verdict: 'on-time', expectedAt: iso(TODAY_04), executedAt: iso(TODAY_04) });
    // Nor does the old answer prove that today's fire went unanswered.
    const { fires } = await call(w.core, 'history:list', { profileId: w.profileId, from: iso(TODAY_04 - HOUR) });
    expect(fires.map((f) => [f.at, f.verdict])).toEqual([
      [iso(TODAY_04), 'on-time'],
      [iso(TODAY_04 + DAY), 'unknown'],
    ]);
  });

  it('history builds over time and survives a restart, offline included', async () => {
    w = await world();
    for (let day = 0; day < 3; day++) {
      await dailyHealth(w);
      w.advance(DAY);
    }
    await w.server.setOffline(true);
    const core = await w.restart();
    const history = await call(core, 'history:list', { profileId: w.profileId });
    expect(history.executions.map((h) => h.executedAt)).toEqual([iso(TODAY_04 + 2 * DAY), iso(TODAY_04 + DAY), iso(TODAY_04)]);
    expect(history.executions.every((h) => h.verdict === 'on-time' && h.latenessMs === 0)).toBe(true);
  });

  it('past fires: missed only where a list proved it, unknown where no list looked, and before the history', async () => {
    w = await world();
    w.server.setSchedulerPaused('default', true, { at: new Date(START - 3 * DAY) });
    await dailyHealth(w); // sees the run of the 25th as the latest, at 12:00 on the 28th
    const window = { profileId: w.profileId, from: iso(TODAY_04 - 5 * DAY - HOUR), to: iso(START) };
    const marks = async () => (await call(w!.core, 'history:list', window)).fires.map((f) => [f.at.slice(0, 10), f.verdict]);
    expect(await marks()).toEqual([
      ['2026-11-23', 'unknown'], // before the first recorded execution
      ['2026-11-24', 'unknown'],
      ['2026-11-25', 'on-time'],
      ['2026-11-26', 'missed'],
      ['2026-11-27', 'missed'],
      ['2026-11-28', 'missed'],
    ]);

    // The scheduler runs again but nobody lists for three days: those fires are not known to be missed.
    w.server.setSchedulerPaused('default', false);
    w.advance(3 * DAY);
    await dailyHealth(w);
    const later = await call(w.core, 'history:list', { profileId: w.profileId, from: iso(TODAY_04 - HOUR), to: iso(START + 3 * DAY) });
    expect(later.fires.map((f) => [f.at.slice(0, 10), f.verdict])).toEqual([
      ['2026-11-28', 'missed'],
      ['2026-11-29', 'unknown'],
      ['2026-11-30', 'unknown'],
      ['2026-12-01', 'on-time'],
    ]);
  });
});
