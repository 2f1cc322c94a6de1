// What an export says against real servers (the simulator over sockets): the schedules CSV carries the
// health verdict the list shows (the profile's grace, the whole history, a snapshot as of its fetch), and
// an export of several profiles where one cannot be listed still exports the others and names the one
// left out and why; a profile shown from its saved list is named as such.
import { afterEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { AppCore } from '@core/app-core';
import { DEMO_TOKEN, type Simulator } from '@simulator/index';
import { call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from '../core/helpers';
import { parseCsv } from '../exports/helpers';
import { DAILY_JOB, DAY, HOUR, START, world, type World } from '../health-core/setup';

const iso = (ms: number): string => new Date(ms).toISOString();
const TODAY_04 = Date.parse('2026-11-28T04:00:00.000Z');

function readCsv(text: string): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows };
}

/** The Health, Expected at and Executed at cells of a job's row in the schedules CSV. */
function healthCells(text: string, jobId: string): string[] {
  const { header, rows } = readCsv(text);
  const row = rows.find((r) => r[header.indexOf('Job ID')] === jobId);
  if (!row) throw new Error(`no row for ${jobId}`);
  return ['Health', 'Expected at', 'Executed at'].map((name) => row[header.indexOf(name)] ?? '');
}

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

describe('export:csv (schedules): one health verdict everywhere', () => {
  it('a run an hour late under a profile grace of two hours is on time in the list and in the CSV', async () => {
    w = await world({ profile: { healthGraceMinutes: 120 } });
    w.server.setLateRuns('default', HOUR, { at: new Date(START - 2 * DAY) });
    const list = await call(w.core, 'schedules:list', { profileId: w.profileId });
    const health = list.schedules.find((s) => s.jobId === DAILY_JOB)!.health;
    expect(health).toEqual({ verdict: 'on-time', expectedAt: iso(TODAY_04), executedAt: iso(TODAY_04 + HOUR) });
    const csv = await call(w.core, 'export:csv', { kind: 'schedules', profileIds: [w.profileId] });
    expect(healthCells(csv.text, DAILY_JOB)).toEqual(['on-time', iso(TODAY_04), iso(TODAY_04 + HOUR)]);
  });

  it('an event-triggered run after the 04:00 one: the history says extra, and so does the CSV', async () => {
    w = await world();
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    w.server.triggerEvent('default', { at: new Date(START + HOUR) });
    w.advance(2 * HOUR);
    const list = await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(list.schedules.find((s) => s.jobId === DAILY_JOB)!.health.verdict).toBe('extra');
    const csv = await call(w.core, 'export:csv', { kind: 'schedules', profileIds: [w.profileId] });
    expect(healthCells(csv.text, DAILY_JOB)).toEqual(['extra', iso(TODAY_04), iso(START + HOUR)]);
  });

  it('a profile shown from its saved list is judged as of its fetch, as the list judges it, and named as saved', async () => {
    w = await world();
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    const fetchedAt = w.now().toISOString();
    await w.server.setOffline(true);
    w.advance(DAY); // tomorrow's 04:00 has passed, but nobody could see whether it ran
    const list = await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect([list.source, list.schedules[0]?.health.verdict]).toEqual(['snapshot', 'on-time']);
    const csv = await call(w.core, 'export:csv', { kind: 'schedules', profileIds: [w.profileId] });
    expect(healthCells(csv.text, DAILY_JOB)).toEqual(['on-time', iso(TODAY_04), iso(TODAY_04)]);
    expect(csv.saved).toEqual([{ profileId: w.profileId, name: 'Sales dev', fetchedAt, reason: list.stale?.reason }]);
    expect(csv.leftOut).toBeUndefined();
    expect(csv.warning).toBe(`“Sales dev” is exported from its last saved list (fetched ${fetchedAt}): ${list.stale?.reason}`);
  });
});

describe('an export of several profiles, one of them out of reach with no saved list', () => {
  let up: Simulator | undefined;
  let down: Simulator | undefined;
  let core: AppCore | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await core?.close();
    await up?.close();
    await down?.close();
    if (dir) await removeDir(dir);
    core = up = down = dir = undefined;
  });

  async function fleet() {
    up = await sim();
    down = await sim();
    up.addOrg('fleet', [{ jobId: 'job-up-daily', timeExpression: '0 0 4 ? * * *', fullBuild: false, createdBy: 'alice', createdDaysAgo: 3 }]);
    dir = await tempDir('export-answers-');
    core = await makeCore(dir);
    const save = async (server: Simulator, name: string, orgId = 'fleet') =>
      (
        await call(core!, 'profiles:save', {
          profile: profileInput(server, { name, orgId, signIn: 'token', username: '' }),
          secret: DEMO_TOKEN,
          secretStorage: 'memory',
        })
      ).id;
    const reachable = await save(up, 'Reachable');
    const other = await save(down, 'Down', 'default');
    const otherToo = await save(down, 'Down too', 'sales-analytics');
    // Never listed while up: there is no saved copy to fall back on.
    await down.setOffline(true);
    return { core, reachable, down: other, downToo: otherToo };
  }

  it('the schedules CSV has the reachable profile rows, and names the one left out and why', async () => {
    const f = await fleet();
    const csv = await call(f.core, 'export:csv', { kind: 'schedules', profileIds: [f.reachable, f.down] });
    const { header, rows } = readCsv(csv.text);
    expect(rows.map((r) => [r[header.indexOf('Profile')], r[header.indexOf('Job ID')]])).toEqual([['Reachable', 'job-up-daily']]);
    expect(csv.rows).toBe(1);
    expect(csv.leftOut).toEqual([{ profileId: f.down, name: 'Down', kind: 'network', reason: expect.stringContaining('No offline copy of “Down”') }]);
    expect(csv.saved).toBeUndefined();
    expect(csv.warning).toBe(`“Down” is left out of this export: ${csv.leftOut?.[0]?.reason}`);
  });

  it('the .ics and the CSV of runs too', async () => {
    const f = await fleet();
    const window = { from: '2030-01-06T00:00:00.000Z', to: '2030-01-08T00:00:00.000Z' };
    const ics = await call(f.core, 'export:ics', { profileIds: [f.down, f.reachable], ...window });
    const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
    expect(events).toHaveLength(2);
    expect(events.every((s) => s.includes('Reachable'))).toBe(true);
    expect(ics.events).toBe(2);
    expect(ics.leftOut?.map((p) => [p.profileId, p.name, p.kind])).toEqual([[f.down, 'Down', 'network']]);
    expect(ics.warning).toContain('“Down” is left out of this export: ');

    const runs = await call(f.core, 'export:csv', { kind: 'runs', profileIds: [f.reachable, f.down, f.downToo], ...window });
    expect(runs.rows).toBe(2);
    expect(runs.leftOut?.map((p) => p.name)).toEqual(['Down', 'Down too']);
    expect(runs.warning).toMatch(/^“Down” is left out of this export: .+ “Down too” is left out of this export: .+$/);
  });

  it('when no profile can be listed the export fails: one profile with its own error, several naming each', async () => {
    const f = await fleet();
    const alone = await callFails(f.core, 'export:csv', { kind: 'schedules', profileIds: [f.down] });
    const listed = await callFails(f.core, 'schedules:list', { profileId: f.down });
    expect(alone).toEqual(listed);
    const both = await callFails(f.core, 'export:csv', { kind: 'schedules', profileIds: [f.down, f.downToo] });
    expect(both.kind).toBe('network');
    expect(both.message).toMatch(/^Nothing was exported: none of the 2 profiles could be listed\. “Down”: .+ “Down too”: .+$/);
  });
});
