// export:ics and export:csv through the core's handlers against the simulator: the .ics read back with an
// independent parser (ical.js), fire instants equal to the engine's in each profile's server zone.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron';
import type { AppCore } from '@core/app-core';
import { DEMO_TOKEN, type Simulator } from '@simulator/index';
import { call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from '../core/helpers';

const FROM = '2030-01-06T00:00:00.000Z';
const TO = '2030-01-20T00:00:00.000Z';

let server: Simulator;
let dir: string;
let core: AppCore;
let nyId: string;
let utcId: string;

beforeAll(async () => {
  server = await sim();
  server.addOrg('fleet-ny', [
    { jobId: 'job-ny-daily', timeExpression: '0 0 4 ? * * *', fullBuild: false, createdBy: 'alice', createdDaysAgo: 3 },
    { jobId: 'job-ny-gone', timeExpression: '0 0 5 ? * * *', fullBuild: false, createdBy: 'alice', createdDaysAgo: 9, deactivatedDaysAgo: 1 },
  ]);
  server.addOrg('fleet-utc', [{ jobId: 'job-utc-weekly', timeExpression: '0 30 2 ? * SUN *', fullBuild: true, createdBy: 'bob', createdDaysAgo: 5 }]);
  dir = await tempDir();
  core = await makeCore(dir);
  const ny = await call(core, 'profiles:save', {
    profile: profileInput(server, {
      name: 'New York prod',
      orgId: 'fleet-ny',
      serverTimeZone: 'America/New_York',
      signIn: 'token',
      username: '',
      environment: { kind: 'production', label: 'production', color: '#d9480f' },
    }),
    secret: DEMO_TOKEN,
    secretStorage: 'memory',
  });
  const utc = await call(core, 'profiles:save', {
    profile: profileInput(server, { name: 'UTC test', orgId: 'fleet-utc', signIn: 'token', username: '' }),
    secret: DEMO_TOKEN,
    secretStorage: 'memory',
  });
  nyId = ny.id;
  utcId = utc.id;
});
afterAll(async () => {
  await core.close();
  await removeDir(dir);
  await server.close();
});

interface Event {
  uid: string;
  start: number;
  summary: string;
  description: string;
}

function parse(text: string): Event[] {
  const root = new ICAL.Component(ICAL.parse(text));
  return root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, start: e.startDate.toJSDate().getTime(), summary: e.summary, description: e.description };
  });
}

const fires = (expression: string, zone: string): number[] =>
  nextRuns(expression, { after: new Date(Date.parse(FROM) - 1), count: 100, timeZone: zone })
    .map((d) => d.getTime())
    .filter((t) => t < Date.parse(TO));

describe('export:ics', () => {
  it('has one event per run of the active schedules, at the instant Quartz fires it in the server zone', async () => {
    const answer = await call(core, 'export:ics', { profileIds: [nyId, utcId], from: FROM, to: TO });
    const events = parse(answer.text);
    const ny = fires('0 0 4 ? * * *', 'America/New_York');
    const utc = fires('0 30 2 ? * SUN *', 'UTC');
    expect(answer.events).toBe(ny.length + utc.length);
    expect(events).toHaveLength(answer.events);
    // 04:00 in New York in January is 09:00 UTC.
    expect(ny[0]).toBe(Date.parse('2030-01-06T09:00:00Z'));
    const nyEvents = events.filter((e) => e.summary.includes('New York prod'));
    expect(nyEvents.map((e) => e.start).sort()).toEqual(ny);
    expect(
      events
        .filter((e) => e.summary.includes('UTC test'))
        .map((e) => e.start)
        .sort(),
    ).toEqual(utc);
    // The deactivated 05:00 job is not maintenance anyone should expect.
    expect(events.some((e) => e.description.includes('0 0 5 ? * * *'))).toBe(false);
    const first = nyEvents[0];
    expect(first?.summary).toContain('fleet-ny');
    expect(first?.summary).toContain('production');
    expect(first?.description).toContain('Expression: 0 0 4 ? * * *');
    expect(first?.description).toContain('Org: fleet-ny');
  });

  it('keeps UIDs stable per job and fire time, so a re-import updates instead of duplicating', async () => {
    const a = parse((await call(core, 'export:ics', { profileIds: [nyId], from: FROM, to: TO })).text).map((e) => e.uid);
    // A wider window repeats the same runs with the same UIDs, and adds new ones.
    const b = parse((await call(core, 'export:ics', { profileIds: [nyId, utcId], from: '2030-01-01T00:00:00Z', to: TO })).text).map((e) => e.uid);
    expect(new Set(a).size).toBe(a.length);
    for (const uid of a) expect(b).toContain(uid);
    expect(b.length).toBeGreaterThan(a.length);
  });

  it('refuses a backwards or overlong window and names unknown profile ids', async () => {
    expect(await callFails(core, 'export:ics', { profileIds: [nyId], from: TO, to: FROM })).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/end after it starts/),
    });
    expect(await callFails(core, 'export:ics', { profileIds: [nyId], from: FROM, to: '2031-06-01T00:00:00Z' })).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/400 days/),
    });
    expect(await callFails(core, 'export:ics', { profileIds: [nyId], from: 'next tuesday', to: TO })).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/ISO instant/),
    });
    const unknown = await callFails(core, 'export:ics', { profileIds: [nyId, 'no-such-profile'], from: FROM, to: TO });
    expect(unknown).toMatchObject({ kind: 'not-found', message: expect.stringContaining('no-such-profile') });
    expect((await callFails(core, 'export:ics', { profileIds: [], from: FROM, to: TO })).kind).toBe('invalid-input');
  });
});

function csvRows(text: string): string[][] {
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('export:csv', () => {
  it('lists schedules with health, next run and latest execution, deactivated ones included', async () => {
    const answer = await call(core, 'export:csv', { kind: 'schedules', profileIds: [nyId, utcId] });
    const [header, ...rows] = csvRows(answer.text);
    expect(answer.rows).toBe(3);
    expect(rows).toHaveLength(3);
    expect(header).toContain('Health');
    expect(header).toContain('Next run (UTC)');
    const col = (name: string) => header?.indexOf(name) ?? -1;
    const daily = rows.find((r) => r[col('Job ID')] === 'job-ny-daily');
    expect(daily?.[col('Org')]).toBe('fleet-ny');
    expect(daily?.[col('Active')]).toBe('true');
    expect(daily?.[col('Health')]).not.toBe('');
    expect(Date.parse(daily?.[col('Next run (UTC)')] ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const gone = rows.find((r) => r[col('Job ID')] === 'job-ny-gone');
    expect(gone?.[col('Active')]).toBe('false');
    expect(gone?.[col('Next run (UTC)')]).toBe('');
  });

  it('lists every upcoming run in time order with its server wall time, and needs a window', async () => {
    const answer = await call(core, 'export:csv', { kind: 'runs', profileIds: [nyId, utcId], from: FROM, to: TO });
    const [, ...rows] = csvRows(answer.text);
    expect(answer.rows).toBe(fires('0 0 4 ? * * *', 'America/New_York').length + fires('0 30 2 ? * SUN *', 'UTC').length);
    const times = rows.map((r) => Date.parse(r[0] ?? ''));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(rows.find((r) => r[6] === 'job-ny-daily')?.[1]).toMatch(/ 04:00:00$/);
    expect((await callFails(core, 'export:csv', { kind: 'runs', profileIds: [nyId] })).message).toMatch(/needs a window/);
  });

  it('exports the audit log of the chosen profiles', async () => {
    const created = await call(core, 'schedules:create', { profileId: utcId, orgId: 'fleet-utc', timeExpression: '0 15 3 ? * MON *' });
    const answer = await call(core, 'export:csv', { kind: 'audit', profileIds: [utcId] });
    expect(answer.rows).toBe(1);
    expect(answer.text).toContain(created.jobId);
    expect((await call(core, 'export:csv', { kind: 'audit', profileIds: [nyId] })).rows).toBe(0);
    await call(core, 'schedules:delete', { profileId: utcId, orgId: 'fleet-utc', jobId: created.jobId });
  });
});

describe('files:save', () => {
  it('answers unavailable where no save dialog was supplied (the browser version downloads instead)', async () => {
    expect(await call(core, 'files:save', { suggestedName: 'runs.ics', text: 'x' })).toEqual({ status: 'unavailable' });
  });

  it('hands the text to the platform adapter', async () => {
    const saved: string[] = [];
    const otherDir = await tempDir();
    const other = await makeCore(otherDir, {
      saveFile: async ({ suggestedName, text }) => (saved.push(`${suggestedName}:${text}`), { status: 'saved', path: `/tmp/${suggestedName}` }),
    });
    try {
      expect(await call(other, 'files:save', { suggestedName: 'runs.csv', text: 'a,b' })).toEqual({ status: 'saved', path: '/tmp/runs.csv' });
      expect(saved).toEqual(['runs.csv:a,b']);
    } finally {
      await other.close();
      await removeDir(otherDir);
    }
  });
});
