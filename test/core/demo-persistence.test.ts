// "Data the user creates survives a restart in every mode": the demo's server (the embedded simulator)
// keeps its schedules, runs and address in the data folder, so a restarted app finds what the user did
// on "Demo dev" and "Demo prod", its paused schedules resume (same server key), and its history stays.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { demoStateOptions, startDemoSimulator } from '@core/profiles/demo-simulator';
import { serverKeyOf } from '@shared/profile-urls';
import type { ProfileView, ScheduleList } from '@shared/domain';
import type { DataProblem } from '@shared/ipc';
import { startHarness, type Harness } from '../harness/server';
import { call, makeCore, removeDir, tempDir } from './helpers';

/** Seeded in DEMO_ORGS: a weekly job of 'default' (Demo dev) and a weekday job of 'sales-analytics' (Demo prod). */
const DEV_WEEKLY = '9b2d7c1e-4f3a-4e8b-9c6d-2a1b0f9e8d7c';
const PROD_WEEKDAYS = '1a2b3c4d-5e6f-4708-9a0b-1c2d3e4f5a6b';
const CREATED = '0 17 3 ? * * *';
/** Where the demo keeps its server's state: part of the data folder's layout (DEMO_STATE_FILE). */
const DEMO_STATE_FILE = 'demo-simulator.json';

let dir = '';
let core: AppCore | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
  if (dir) await removeDir(dir);
  dir = '';
});

/** The desktop app's wiring: createAppCore gives startDemoSimulator its data folder. */
const startApp = (): Promise<AppCore> => makeCore(dir, { demoServer: startDemoSimulator });

/** The demo profiles, made by demo:start (the user's "Try the demo") when there are none yet. */
async function demoProfiles(app: AppCore): Promise<{ dev: ProfileView; prod: ProfileView }> {
  let list = await call(app, 'profiles:list', {});
  if (list.length === 0) list = await call(app, 'demo:start', {});
  const dev = list.find((p) => p.name === 'Demo dev');
  const prod = list.find((p) => p.name === 'Demo prod');
  if (!dev || !prod) throw new Error(`no demo profiles in ${JSON.stringify(list.map((p) => p.name))}`);
  return { dev, prod };
}

const activeIds = async (app: AppCore, profileId: string): Promise<string[]> => {
  const list = await call(app, 'schedules:list', { profileId });
  expect(list.source).toBe('live');
  return list.schedules.filter((s) => s.active !== false).map((s) => s.jobId);
};

describe('the demo across a restart of the app', () => {
  it('keeps created and deleted schedules, resumes a paused one, keeps its address and its history', async () => {
    dir = await tempDir('demo-persist-');
    core = await startApp();
    const before = await demoProfiles(core);
    expect(await call(core, 'app:info', {})).toMatchObject({ demoRunning: true, dataProblems: [] });

    const created = await call(core, 'schedules:create', { profileId: before.dev.id, orgId: 'default', timeExpression: CREATED });
    await call(core, 'schedules:delete', { profileId: before.prod.id, orgId: 'sales-analytics', jobId: PROD_WEEKDAYS });
    const paused = await call(core, 'changes:pause', { profileId: before.dev.id, orgId: 'default', jobId: DEV_WEEKLY });
    expect(paused.status).toBe('paused');
    await call(core, 'maintenance:run-now', { profileId: before.prod.id, orgId: 'sales-analytics' });
    expect(await activeIds(core, before.prod.id)).not.toContain(PROD_WEEKDAYS);
    const historyBefore = await call(core, 'history:list', { profileId: before.prod.id });
    expect(historyBefore.executions.length).toBeGreaterThan(0);
    await core.close();

    core = await startApp();
    const after = await demoProfiles(core);
    // The same address: every record keyed by serverKeyOf(apiUrl) still belongs to this demo.
    expect([after.dev.apiUrl, after.dev.authUrl, after.prod.apiUrl]).toEqual([before.dev.apiUrl, before.dev.authUrl, before.prod.apiUrl]);
    expect(await call(core, 'app:info', {})).toMatchObject({ demoRunning: true, dataProblems: [] });

    const dev = await activeIds(core, after.dev.id);
    expect(dev).toContain(created.jobId);
    expect(dev).not.toContain(DEV_WEEKLY); // paused: deleted on the server, kept by the app
    expect(await activeIds(core, after.prod.id)).not.toContain(PROD_WEEKDAYS);

    const [entry] = (await call(core, 'changes:paused-list', { profileId: after.dev.id })).paused;
    expect(entry?.server).toBe(serverKeyOf(before.dev.apiUrl));
    const resumed = await call(core, 'changes:resume', { profileId: after.dev.id, orgId: 'default', pausedId: entry?.id ?? '' });
    expect(resumed.status).toBe('resumed');
    expect(await activeIds(core, after.dev.id)).toContain(resumed.status === 'resumed' ? resumed.created.jobId : '');

    // The run history seen before the restart (the run-now included) is still the demo's.
    const historyAfter = await call(core, 'history:list', { profileId: after.prod.id });
    expect(historyAfter.executions.map((e) => e.executionId)).toEqual(expect.arrayContaining(historyBefore.executions.map((e) => e.executionId)));
  });

  it('listens on another port when its own is taken, and keeps the schedules there', async () => {
    dir = await tempDir('demo-persist-port-');
    core = await startApp();
    const { dev } = await demoProfiles(core);
    const created = await call(core, 'schedules:create', { profileId: dev.id, orgId: 'default', timeExpression: CREATED });
    await core.close();

    // Another program takes the demo's port while the app is closed.
    const port = Number(new URL(dev.apiUrl).port);
    blocker = createServer((_req, res) => res.end('not the demo'));
    await new Promise<void>((resolve, reject) => {
      blocker?.once('error', reject);
      blocker?.listen(port, '127.0.0.1', () => resolve());
    });

    core = await startApp();
    const moved = (await demoProfiles(core)).dev;
    expect(moved.apiUrl).not.toBe(dev.apiUrl);
    expect(moved.authUrl).toBe(moved.apiUrl);
    expect(await activeIds(core, moved.id)).toContain(created.jobId);
    // The new port is remembered for the next start.
    const saved = JSON.parse(await readFile(join(dir, DEMO_STATE_FILE), 'utf8')) as { port: number };
    expect(saved.port).toBe(Number(new URL(moved.apiUrl).port));
  });

  it('keeps an unreadable state file aside, says so, and starts from the sample schedules', async () => {
    dir = await tempDir('demo-persist-corrupt-');
    core = await startApp();
    const { dev } = await demoProfiles(core);
    const seeded = await activeIds(core, dev.id);
    await call(core, 'schedules:create', { profileId: dev.id, orgId: 'default', timeExpression: CREATED });
    await core.close();
    core = undefined;

    const torn = '{"version": 1, "port": 4';
    await writeFile(join(dir, DEMO_STATE_FILE), torn);
    core = await startApp();
    const info = await call(core, 'app:info', {});
    expect(info.demoRunning).toBe(true);
    const problem = info.dataProblems.find((p) => p.file === DEMO_STATE_FILE);
    expect(problem?.movedTo).toMatch(/^demo-simulator\.corrupt-.+\.json$/);
    expect(problem?.reason).toMatch(
      /^The demo's schedules could not be read \(not valid JSON .*\)\. They were kept as demo-simulator\.corrupt-.+\.json; the demo starts again from its sample schedules\.$/,
    );
    // Kept byte for byte, next to a fresh state file.
    expect(await readFile(join(dir, problem?.movedTo ?? 'missing'), 'utf8')).toBe(torn);
    expect((await readdir(dir)).filter((n) => n.startsWith('demo-simulator')).sort()).toEqual([DEMO_STATE_FILE, problem?.movedTo].sort());

    const again = (await demoProfiles(core)).dev;
    expect((await activeIds(core, again.id)).sort()).toEqual([...seeded].sort());
    const fresh = JSON.parse(await readFile(join(dir, DEMO_STATE_FILE), 'utf8')) as { version: number; port: number };
    expect(fresh).toMatchObject({ version: 1, port: Number(new URL(again.apiUrl).port) });
  });

  it('treats a well-formed file of the wrong shape as unreadable too', async () => {
    dir = await tempDir('demo-persist-shape-');
    await writeFile(join(dir, DEMO_STATE_FILE), JSON.stringify({ version: 1, port: 99999, runSeq: 0, orgs: [] }));
    core = await startApp();
    const info = await call(core, 'app:info', {});
    expect(info.demoRunning).toBe(true);
    const problem = info.dataProblems.find((p) => p.file === DEMO_STATE_FILE);
    expect(problem?.reason).toMatch(/could not be read \(unexpected content at port: .+\)\. They were kept as demo-simulator\.corrupt-/);
    const { dev } = await demoProfiles(core);
    expect(await activeIds(core, dev.id)).toContain(DEV_WEEKLY);
  });
  it('says when a change could not be saved, and the change still stands on the server', async () => {
    dir = await tempDir('demo-persist-unwritable-');
    core = await startApp();
    const { dev } = await demoProfiles(core);
    // A folder where the state file goes: every save from now on fails.
    await rm(join(dir, DEMO_STATE_FILE));
    await mkdir(join(dir, DEMO_STATE_FILE));
    const created = await call(core, 'schedules:create', { profileId: dev.id, orgId: 'default', timeExpression: CREATED });
    expect(await activeIds(core, dev.id)).toContain(created.jobId);
    const info = await call(core, 'app:info', {});
    const problem = info.dataProblems.find((p) => p.file === DEMO_STATE_FILE);
    expect(problem).toMatchObject({ movedTo: null });
    expect(problem?.reason).toMatch(/^The demo's schedules could not be saved \(.+\); what you change in the demo now is lost when the app closes\.$/);
  });
});

describe('startDemoSimulator', () => {
  it('leaves alone a state file it cannot even move aside, writes nothing over it, and still serves the seed', async () => {
    dir = await tempDir('demo-persist-stuck-');
    // A "data folder" that is a file: its state file can be neither read nor moved.
    const notAFolder = join(dir, 'not-a-folder');
    await writeFile(notAFolder, 'kept');
    const problems: DataProblem[] = [];
    const demo = await startDemoSimulator({ dataDir: notAFolder, reportProblem: (p) => problems.push(p) });
    try {
      const auth = await fetch(`${demo.url}/default/auth`, { headers: { authorization: `Basic ${Buffer.from('admin:atscale-demo').toString('base64')}` } });
      expect(auth.status).toBe(200);
    } finally {
      await demo.close();
    }
    expect(problems).toEqual([
      {
        file: DEMO_STATE_FILE,
        movedTo: null,
        reason: expect.stringMatching(
          /^The demo's schedules could not be read \(the file cannot be opened: ENOTDIR\) and could not be moved aside; .+saves nothing/,
        ),
        at: expect.any(String),
      },
    ]);
    expect(await readFile(notAFolder, 'utf8')).toBe('kept');
  });
});

describe('demoStateOptions', () => {
  it('keeps nothing without a data folder: the demo serves its sample schedules', async () => {
    expect(await demoStateOptions({})).toEqual({});
    const demo = await startDemoSimulator({});
    try {
      const auth = await fetch(`${demo.url}/default/auth`, { headers: { authorization: `Basic ${Buffer.from('admin:atscale-demo').toString('base64')}` } });
      expect(auth.status).toBe(200);
    } finally {
      await demo.close();
    }
  });

  it('makes a data folder that is not there yet and keeps the state in it', async () => {
    dir = await tempDir('demo-persist-new-folder-');
    const nested = join(dir, 'not', 'yet');
    const problems: DataProblem[] = [];
    const demo = await startDemoSimulator({ dataDir: nested, reportProblem: (p) => problems.push(p) });
    await demo.close();
    expect(problems).toEqual([]);
    expect(JSON.parse(await readFile(join(nested, DEMO_STATE_FILE), 'utf8'))).toMatchObject({ version: 1, port: Number(new URL(demo.url).port) });
  });

  it('logs a taken port, and still does when the state file is left alone', async () => {
    dir = await tempDir('demo-persist-port-log-');
    const lines: string[] = [];
    const problems: DataProblem[] = [];
    const options = await demoStateOptions({ dataDir: dir, log: (line) => lines.push(line), reportProblem: (p) => problems.push(p) });
    options.onStateProblem?.({ kind: 'port-taken', savedPort: 4100, port: 4200 });
    expect(lines).toEqual(["The demo's port 4100 is taken; the demo listens on 4200 this time."]);
    expect(problems).toEqual([]);

    const notAFolder = join(dir, 'not-a-folder');
    await writeFile(notAFolder, 'kept');
    const stuck = await demoStateOptions({ dataDir: notAFolder, log: (line) => lines.push(line) });
    expect(stuck.state).toBeUndefined();
    stuck.onStateProblem?.({ kind: 'port-taken', savedPort: 4100, port: 4300 });
    expect(lines.at(-1)).toBe("The demo's port 4100 is taken; the demo listens on 4300 this time.");
  });
});

describe('the browser version (npm run dev:browser) on a data folder', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  /** The harness as its command line starts it on a folder (test/harness/cli.ts): kept, not seeded. */
  async function startBrowser(): Promise<{ api: <T>(channel: string, request: unknown) => Promise<T> }> {
    process.env['HARNESS_SECRETS'] = 'memory';
    // The API is all this needs: no page, so no built renderer (this stage runs before the build).
    harness = await startHarness({ dataDir: dir, port: 0, apiOnly: true });
    const base = harness.url;
    const shim = await (await fetch(`${base}__harness/api.js`)).text();
    const token = /const token = "([0-9a-f]+)"/.exec(shim)?.[1] ?? '';
    return {
      api: async <T>(channel: string, request: unknown): Promise<T> => {
        const res = await fetch(`${base}api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-harness-token': token },
          body: JSON.stringify(request),
        });
        const result = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
        if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
        return result.value;
      },
    };
  }

  it('keeps the demo schedules and address too', async () => {
    dir = await tempDir('demo-persist-browser-');
    const first = await startBrowser();
    const [dev] = await first.api<ProfileView[]>('demo:start', {});
    if (!dev) throw new Error('demo:start made no profile');
    const created = await first.api<{ jobId: string }>('schedules:create', { profileId: dev.id, orgId: dev.orgId, timeExpression: CREATED });
    await harness?.close();

    const second = await startBrowser();
    const again = (await second.api<ProfileView[]>('profiles:list', {})).find((p) => p.id === dev.id);
    expect(again?.apiUrl).toBe(dev.apiUrl);
    expect(harness?.simulator.url).toBe(dev.apiUrl);
    const list = await second.api<ScheduleList>('schedules:list', { profileId: dev.id });
    expect(list.schedules.map((s) => s.jobId)).toContain(created.jobId);
  }, 60_000);
});
