// The desktop app's main path, end to end in Electron: first start in demo mode, a real profile against
// a running AtScale simulator, create, delete, switch profile; then a restart with that server gone
// shows the offline snapshot. Runs only through run.sh (Electron binary + display + private keyring).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from '../e2e-browser/app-page';
import { launchApp } from './launch';
import { addProfile } from './profile-editor';
import { startSimulatorProcess, type SimulatorProcess } from './simulator-process';

// The simulator's public demo account (printed by `npm run simulator`; not a secret).
const USER = 'admin';
const PASSWORD = 'atscale-demo';
const SEEDED = '0 0 4 ? * * *'; // AtScale's default schedule, seeded in org "default"
const KEEP = '0 15 10 ? * MON-FRI';
const DROP = '0 30 22 L * ?';
const PROFILE = 'Local simulator';

test.describe.configure({ mode: 'serial' });

let sim: SimulatorProcess;
let userData: string;
test.beforeAll(async () => {
  sim = await startSimulatorProcess();
  userData = mkdtempSync(join(tmpdir(), 'atscale-electron-'));
});
test.afterAll(async () => {
  await sim?.stop();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

/** The files the app itself writes in its data folder (Chromium's own folders left out). */
function appFiles(dir: string): string[] {
  const own = ['profiles.json', 'audit.jsonl', 'window-state.json', 'snapshots'];
  return own
    .map((name) => join(dir, name))
    .flatMap((p) => {
      try {
        return statSync(p).isDirectory() ? readdirSync(p).map((f) => join(p, f)) : [p];
      } catch {
        return [];
      }
    });
}

test('first start: demo, then a real profile: create, delete, switch', async () => {
  const { app, window } = await launchApp(userData);
  try {
    const ui = new AppPage(window);
    await ui.open();
    await expect(window).toHaveTitle(/AtScale Maintenance Scheduler/);
    // The renderer sees the narrow contract API and nothing of Node.
    const globals = await window.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { api: typeof w['api'], require: typeof w['require'], process: typeof w['process'] };
    });
    expect(globals).toEqual({ api: 'object', require: 'undefined', process: 'undefined' });

    await expect(window.getByRole('heading', { name: 'Welcome to the AtScale Maintenance Scheduler' })).toBeVisible();
    await ui.startDemo();
    await expect(ui.heading).toHaveText('Demo dev');
    await expect(ui.row(SEEDED)).toBeVisible();

    await addProfile(window, { name: PROFILE, url: sim.url, orgId: 'default', username: USER, password: PASSWORD });
    await ui.selectProfile(PROFILE);
    await expect(ui.row(SEEDED)).toBeVisible();

    await ui.createSchedule(KEEP);
    await ui.createSchedule(DROP);
    await ui.deleteSchedule(DROP);
    await expect(ui.row(DROP)).toHaveCount(0);

    await ui.switchWithKeyboard('Demo prod');
    await expect(ui.heading).toHaveText('Demo prod');
    await expect(window.locator('.workspace-header')).toContainText('sales-analytics');

    await ui.selectProfile(PROFILE);
    await ui.refresh();
    await expect(ui.row(KEEP)).toBeVisible();
    await expect(ui.row(DROP)).toHaveCount(0);
  } finally {
    await app.close();
  }

  // --user-data-dir was honoured, and no secret reached a plain file.
  const files = appFiles(userData);
  expect(files.map((f) => f.slice(userData.length + 1))).toContain('profiles.json');
  for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toContain(PASSWORD);
});

test('restart with the server stopped: the offline snapshot, read-only', async () => {
  await sim.stop();
  const { app, window } = await launchApp(userData);
  try {
    const ui = new AppPage(window);
    await ui.open();
    await ui.selectProfile(PROFILE);
    await expect(ui.offlineBanner).toBeVisible();
    await expect(ui.offlineBanner).toContainText(/Offline/);
    await expect(ui.row(KEEP)).toBeVisible();
    await expect(ui.row(SEEDED)).toBeVisible();
    await expect(ui.row(DROP)).toHaveCount(0);
    await expect(window.getByRole('button', { name: 'New schedule' })).toBeDisabled();
  } finally {
    await app.close();
  }
});
