// What the health core's notifications say, word for word, and what the history window refuses: the
// missed run's schedule and times (in this computer's zone), the long run's start, length and usual
// length, the reason a server became unreachable, and a deleted profile's history gone with it.
import { afterEach, describe, expect, it } from 'vitest';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { call, callFails } from '../core/helpers';
import { DAY, HOUR, START, eventsOf, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const MIN = 60_000;
const TODAY_04 = Date.parse('2026-11-28T04:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();
/** A time as the notification shows it: in this computer's zone. */
const local = (ms: number): string => new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

describe('notification words', () => {
  it('a missed run names the schedule, when it was expected and when it last ran', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    w.server.setSchedulerPaused('default', true, { at: new Date(START - 3 * DAY) });
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(eventsOf(w, 'notification').map((n) => [n.kinds, n.title, n.body])).toEqual([
      [
        ['missed'],
        'Sales dev: missed maintenance run',
        `Schedule "0 0 4 ? * * *": Expected ${local(TODAY_04)}, did not run (latest run ${local(TODAY_04 - 3 * DAY)}).`,
      ],
    ]);
  });

  it('a schedule on time sends nothing', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    const list = await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(list.schedules.map((s) => s.health.verdict)).toEqual(['on-time']);
    w.advance(2 * HOUR);
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(eventsOf(w, 'notification')).toEqual([]);
  });

  it('a long run says since when it runs, how long, and how long it usually takes', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(9 * MIN);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    w.advance(2 * MIN);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    w.server.setRunDuration('default', 3 * HOUR);
    const second = START + 11 * MIN;
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(95 * MIN);
    const state = await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(state).toMatchObject({ running: { startedAt: iso(second) }, typicalDurationMs: 11 * MIN, error: null });
    expect(eventsOf(w, 'notification').map((n) => [n.kinds, n.title, n.body])).toEqual([
      [['long-run'], 'Sales dev: maintenance running long', `Running since ${local(second)} (1 h 35 min); it usually takes 11 min.`],
    ]);
  });

  it('a long run is not told while no run has a typical duration yet', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    w.server.setRunDuration('default', 5 * HOUR);
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(4 * HOUR);
    expect(await call(w.core, 'maintenance:running', { profileId: w.profileId })).toMatchObject({
      typicalDurationMs: null,
      running: { startedAt: iso(START) },
    });
    expect(eventsOf(w, 'notification')).toEqual([]);
  });

  it('a server that became unreachable says why, and the running job check reports it too', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    await w.server.setOffline(true);
    const error = await callFails(w.core, 'maintenance:running', { profileId: w.profileId });
    const sent = eventsOf(w, 'notification');
    expect(sent.map((n) => [n.kinds, n.title])).toEqual([[['unreachable'], 'Sales dev: server unreachable']]);
    expect(sent[0]?.body).toBe(error.message);
    expect(sent[0]?.body.length).toBeGreaterThan(0);
  });
});

describe('the history window', () => {
  it('is the last 14 days unless told, refuses a start after its end and a window over a year', async () => {
    w = await world();
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    const all = await call(w.core, 'history:list', { profileId: w.profileId });
    const fires = all.fires.map((f) => f.at);
    expect(fires[0]).toBe(iso(TODAY_04 - 13 * DAY));
    expect(fires.at(-1)).toBe(iso(TODAY_04));
    expect(fires).toHaveLength(14);
    const ended = await call(w.core, 'history:list', { profileId: w.profileId, to: iso(TODAY_04 - DAY) });
    expect(ended.fires.map((f) => f.at)[0]).toBe(iso(TODAY_04 - 15 * DAY));
    expect(ended.fires.map((f) => f.at).at(-1)).toBe(iso(TODAY_04 - 2 * DAY)); // a window's end is not in it

    const backwards = await callFails(w.core, 'history:list', { profileId: w.profileId, from: iso(START), to: iso(START - 1) });
    expect(backwards).toEqual({ kind: 'invalid-input', message: 'The history window starts after it ends: pick a start before the end.' });
    const long = await callFails(w.core, 'history:list', { profileId: w.profileId, from: iso(START - 366 * DAY - 1), to: iso(START) });
    expect(long).toEqual({ kind: 'invalid-input', message: 'The history window is longer than a year: pick a shorter one.' });
    // A year and a day exactly, and an empty window, are fine.
    await call(w.core, 'history:list', { profileId: w.profileId, from: iso(START - 366 * DAY), to: iso(START) });
    expect((await call(w.core, 'history:list', { profileId: w.profileId, from: iso(START), to: iso(START) })).fires).toEqual([]);
  });
});

describe('a deleted profile', () => {
  it('takes its history with it', async () => {
    w = await world();
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    const historyFile = join(w.dir, 'history', `${w.profileId}.json`);
    await expect
      .poll(() =>
        access(historyFile).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    await call(w.core, 'profiles:delete', { id: w.profileId });
    await expect
      .poll(() =>
        access(historyFile).then(
          () => true,
          () => false,
        ),
      )
      .toBe(false);
  });
});
