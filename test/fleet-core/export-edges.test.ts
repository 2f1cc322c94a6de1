// The export channels at their edges, through the core's handlers against the simulator: the window's
// bounds and words, unknown profiles named, each run as long as its profile's run length, the schedules
// CSV agreeing with the list the user sees, and the audit CSV cut to its window.
import ICAL from 'ical.js';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import type { AuditEntry } from '@shared/domain';
import { AUDIT_FILE } from '@core/storage/audit-log';
import { DEMO_TOKEN, type Simulator } from '@simulator/index';
import { parseCsv } from '../exports/helpers';
import { call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from '../core/helpers';

const FROM = '2030-01-06T00:00:00.000Z';
const TO = '2030-01-08T00:00:00.000Z';
const DAY = 86_400_000;

let server: Simulator;
let dir: string;
let core: AppCore;
let id: string;

beforeAll(async () => {
  server = await sim();
  server.addOrg('edges', [
    { jobId: 'job-daily', timeExpression: '0 0 4 ? * * *', fullBuild: false, createdBy: 'alice', createdDaysAgo: 3 },
    // Created just now and first due on a 29 February: it has never run, and no export window here holds a run.
    { jobId: 'job-leap', timeExpression: '0 0 4 29 2 ? *', fullBuild: false, createdBy: 'alice', createdDaysAgo: 0 },
  ]);
  dir = await tempDir();
  core = await makeCore(dir);
  const saved = await call(core, 'profiles:save', {
    profile: profileInput(server, { name: 'Edges', orgId: 'edges', serverTimeZone: 'Asia/Tokyo', signIn: 'token', username: '' }),
    secret: DEMO_TOKEN,
    secretStorage: 'memory',
  });
  id = saved.id;
});
afterAll(async () => {
  await core.close();
  await removeDir(dir);
  await server.close();
});

const iso = (ms: number): string => new Date(ms).toISOString();

describe('the export window', () => {
  it('must end after it starts, and may be exactly 400 days long but not a millisecond more', async () => {
    const from = Date.parse(FROM);
    expect(await callFails(core, 'export:ics', { profileIds: [id], from: FROM, to: FROM })).toEqual({
      kind: 'invalid-input',
      message: `The export window must end after it starts (from ${FROM}, to ${FROM}).`,
    });
    expect((await call(core, 'export:ics', { profileIds: [id], from: FROM, to: iso(from + 400 * DAY) })).events).toBe(400);
    expect(await callFails(core, 'export:csv', { kind: 'runs', profileIds: [id], from: FROM, to: iso(from + 400 * DAY + 1) })).toEqual({
      kind: 'invalid-input',
      message: 'The export window is longer than 400 days: choose a shorter one.',
    });
  });

  it('names the bound that is not a date', async () => {
    expect((await callFails(core, 'export:ics', { profileIds: [id], from: 'soon', to: TO })).message).toBe(
      '"soon" is not a date and time: give from as an ISO instant such as 2026-12-01T00:00:00Z.',
    );
    expect((await callFails(core, 'export:ics', { profileIds: [id], from: FROM, to: 'later' })).message).toBe(
      '"later" is not a date and time: give to as an ISO instant such as 2026-12-01T00:00:00Z.',
    );
  });

  it('is needed, both ends of it, for the CSV of upcoming runs', async () => {
    const needs = 'A CSV of upcoming runs needs a window: give from and to.';
    expect((await callFails(core, 'export:csv', { kind: 'runs', profileIds: [id], from: FROM })).message).toBe(needs);
    expect((await callFails(core, 'export:csv', { kind: 'runs', profileIds: [id], to: TO })).message).toBe(needs);
  });
});

describe('profiles that do not exist', () => {
  it('are named, one or several, before anything is listed', async () => {
    expect(await callFails(core, 'export:ics', { profileIds: [id, 'gone-1'], from: FROM, to: TO })).toEqual({
      kind: 'not-found',
      message: 'No profile has the id gone-1: it may have been deleted. Pick profiles from the list.',
    });
    expect((await callFails(core, 'export:csv', { kind: 'schedules', profileIds: ['gone-1', id, 'gone-2', 'gone-1'] })).message).toBe(
      'No profile has the ids gone-1, gone-2: it may have been deleted. Pick profiles from the list.',
    );
  });
});

describe('what the exports hold', () => {
  it('each calendar event lasts the run length set for its profile, in the server zone', async () => {
    await call(core, 'durations:set', { profileId: id, runMinutes: 45 });
    const text = (await call(core, 'export:ics', { profileIds: [id], from: FROM, to: TO })).text;
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // 04:00 in Tokyo is 19:00 UTC the day before.
    expect(events.map((e) => [e.startDate.toJSDate().toISOString(), e.duration.toSeconds()])).toEqual([
      ['2030-01-06T19:00:00.000Z', 45 * 60],
      ['2030-01-07T19:00:00.000Z', 45 * 60],
    ]);
    const runs = parseCsv((await call(core, 'export:csv', { kind: 'runs', profileIds: [id], from: FROM, to: TO })).text);
    expect(runs.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['2030-01-06T19:00:00.000Z', '2030-01-07 04:00:00', 'Asia/Tokyo'],
      ['2030-01-07T19:00:00.000Z', '2030-01-08 04:00:00', 'Asia/Tokyo'],
    ]);
  });

  it('the schedules CSV shows the health and latest execution the list shows, empty for a job that never ran', async () => {
    // The same org read in the zone the simulator fires in: the daily run is on time at any hour of the day.
    const utc = await call(core, 'profiles:save', {
      profile: profileInput(server, { name: 'Edges UTC', orgId: 'edges', signIn: 'token', username: '' }),
      secret: DEMO_TOKEN,
      secretStorage: 'memory',
    });
    const list = await call(core, 'schedules:list', { profileId: utc.id });
    const job = list.schedules.find((s) => s.jobId === 'job-daily')!;
    expect([job.health.verdict, job.latestExecution]).toEqual(['on-time', expect.anything()]);
    const [header, ...rows] = parseCsv((await call(core, 'export:csv', { kind: 'schedules', profileIds: [utc.id] })).text);
    const row = rows.find((r) => r[header!.indexOf('Job ID')] === 'job-daily');
    const cell = (name: string): string => row![header!.indexOf(name)]!;
    expect([cell('Health'), cell('Expected at'), cell('Executed at'), cell('Latest execution (UTC)')]).toEqual([
      job.health.verdict,
      job.health.expectedAt ?? '',
      job.health.executedAt ?? '',
      job.latestExecution?.executedAt,
    ]);
    // The run the server reported is the one health was judged by.
    expect(cell('Executed at')).toBe(job.latestExecution?.executedAt);
    const never = rows.find((r) => r[header!.indexOf('Job ID')] === 'job-leap')!;
    expect([never[header!.indexOf('Executed at')], never[header!.indexOf('Latest execution (UTC)')]]).toEqual(['', '']);
  });

  it('the audit CSV holds every record of the chosen profiles in [from, to), however many there are', async () => {
    const entry = (at: string, profileId = id): AuditEntry => ({
      at,
      profileId,
      profileName: 'Edges',
      orgId: 'edges',
      action: 'create',
      jobId: 'job-x',
      timeExpression: '0 0 4 ? * * *',
      outcome: 'ok',
      resolution: null,
      error: null,
    });
    const many = Array.from({ length: 600 }, (_, i) => entry(iso(Date.parse('2029-01-01T00:00:00Z') + i * 60_000)));
    const edges = [entry(FROM), entry(iso(Date.parse(FROM) + 1)), entry(iso(Date.parse(TO) - 1)), entry(TO), entry(FROM, 'someone-else')];
    await appendFile(join(dir, AUDIT_FILE), [...many, ...edges].map((e) => `${JSON.stringify(e)}\n`).join(''));
    expect((await call(core, 'export:csv', { kind: 'audit', profileIds: [id] })).rows).toBe(604);
    const windowed = await call(core, 'export:csv', { kind: 'audit', profileIds: [id], from: FROM, to: TO });
    expect(
      parseCsv(windowed.text)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([iso(Date.parse(TO) - 1), iso(Date.parse(FROM) + 1), FROM]);
    expect(windowed.rows).toBe(3);
    expect((await callFails(core, 'export:csv', { kind: 'audit', profileIds: [id], from: 'soon' })).message).toBe(
      '"soon" is not a date and time: give from as an ISO instant such as 2026-12-01T00:00:00Z.',
    );
    expect((await callFails(core, 'export:csv', { kind: 'audit', profileIds: [id], to: 'later' })).message).toBe(
      '"later" is not a date and time: give to as an ISO instant such as 2026-12-01T00:00:00Z.',
    );
  });
});
