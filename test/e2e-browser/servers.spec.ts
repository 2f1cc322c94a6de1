// Servers and their orgs in the editor: testing before saving, adding a server and three of its orgs
// in one go, the duplicate warning, and the API token's age warning (editor and sidebar).
import { expect, test, useHarness } from './fixtures';
import { DEMO_AGING_TOKEN, DEMO_ANALYST_PASSWORD, DEMO_ANALYST_USER, DEMO_PASSWORD, DEMO_USER } from '@simulator/demo-data';
import { AppPage } from './app-page';
import type { Locator, Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();

async function openNewProfile(page: Page): Promise<Locator> {
  const add = page.getByRole('button', { name: /^(\+ Add profile|Add a profile)$/ }).first();
  await add.click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function fillServer(dialog: Locator, url: string): Promise<void> {
  await dialog.getByLabel('API URL', { exact: true }).fill(url);
  await dialog.getByLabel('Design Center URL', { exact: true }).fill(url);
}

test('a new profile: the environment must be chosen, a typed port is kept, and the connection is tested before saving', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  const dialog = await openNewProfile(page);
  await expect(dialog.getByLabel('Environment', { exact: true })).toHaveValue('');
  await dialog.getByLabel('Host', { exact: true }).fill('atscale.example.com:8443');
  await expect(dialog.getByLabel('API URL', { exact: true })).toHaveValue('https://atscale.example.com:8443');
  await expect(dialog.getByLabel('Design Center URL', { exact: true })).toHaveValue('https://atscale.example.com:10500');

  await fillServer(dialog, harness.simulator.url);
  await dialog.getByLabel('Org ID', { exact: true }).fill('sales-analytics');
  await dialog.getByLabel('User name', { exact: true }).fill(DEMO_USER);
  const test = dialog.getByRole('button', { name: 'Test connection' });
  await expect(test).toBeDisabled();
  await dialog.getByLabel('Password', { exact: true }).fill('not-the-password');
  await test.click();
  await expect(dialog.locator('.connection-test')).toContainText('Signing in failed');
  await dialog.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await test.click();
  await expect(dialog.locator('.connection-test')).toContainText(/Connected: \d+ schedules? listed/);

  // Saving still needs the environment, chosen explicitly.
  await dialog.getByLabel('Name', { exact: true }).fill('Sales admin');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog.getByText('Environment: choose one')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('adding a server and three of its orgs in one go', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  const dialog = await openNewProfile(page);
  await dialog.getByLabel('Environment', { exact: true }).selectOption('staging');
  await fillServer(dialog, harness.simulator.url);
  await dialog.getByLabel('User name', { exact: true }).fill(DEMO_USER);
  await dialog.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: 'Find orgs on this server' }).click();
  const orgs = dialog.getByRole('region', { name: 'Orgs on this server' });
  for (const org of ['default', 'sales-analytics', 'finance-prod']) await orgs.getByLabel(`Add org ${org}`, { exact: true }).check();
  await expect(orgs.getByLabel('Profile name for org sales-analytics', { exact: true })).toHaveValue(/Sales/);
  await orgs.getByLabel('Profile name for org finance-prod', { exact: true }).fill('Finance on staging');
  await orgs.getByRole('button', { name: 'Add 3 profiles' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const staging = app.sidebar.getByRole('region', { name: 'Staging profiles' });
  await expect(staging.locator('.server-title')).toHaveCount(1);
  await expect(staging.locator('.profile-item')).toHaveCount(3);
  await expect(staging.locator('.profile-item').filter({ hasText: 'Finance on staging' })).toContainText('org finance-prod');
  // Each new profile signs in with the shared secret: its list loads live.
  await expect(staging.getByRole('img', { name: 'Live' })).toHaveCount(3, { timeout: 15_000 });
  // They are three orgs of one stored server, not three copies of its settings.
  const servers = await page.evaluate(async () => {
    const list = await window.api['profiles:list']({});
    return list.ok ? [...new Set(list.value.filter((p) => p.environment.kind === 'staging').map((p) => p.serverId))] : [];
  });
  expect(servers).toHaveLength(1);
});

test('the editor names the server and its other orgs, and a changed server setting applies to all of them', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Finance on staging');
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit profile: Finance on staging' });
  const note = dialog.getByRole('note', { name: 'Server' });
  await expect(note).toContainText(`On server ${new URL(harness.simulator.url).host} as ${DEMO_USER}`);
  await expect(note).toContainText('2 other orgs share its settings and password');
  const others = await note.locator('p').first().innerText();
  await dialog.getByLabel('Server time zone', { exact: true }).fill('Europe/Berlin');
  const apply = note.getByRole('checkbox', { name: /Apply the changed server settings to all 3 orgs on this server/ });
  await expect(apply).toBeChecked();
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog.getByRole('button', { name: 'Save profile' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  // Every org on the server now says the new zone.
  const names = [...others.matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? '');
  expect(names).toHaveLength(2);
  for (const name of names) {
    await app.selectProfile(name);
    await page.getByRole('button', { name: 'Edit profile' }).click();
    const editor = page.getByRole('dialog', { name: `Edit profile: ${name}` });
    await expect(editor.getByLabel('Server time zone', { exact: true })).toHaveValue('Europe/Berlin');
    await editor.getByRole('button', { name: 'Close' }).first().click();
  }
});

test('deleting a profile says how many paused schedules go with it, and that the server keeps its secret for the others', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  const [profileId, name] = await page.evaluate(async () => {
    const list = await window.api['profiles:list']({});
    const sales = list.ok ? list.value.find((p) => p.orgId === 'sales-analytics' && p.environment.kind === 'staging') : undefined;
    return [sales?.id ?? '', sales?.name ?? ''];
  });
  await app.selectProfile(name);
  await app.expectSchedulesLoaded();
  const paused = await page.evaluate(async (id) => {
    const listed = await window.api['schedules:list']({ profileId: id });
    if (!listed.ok) return 0;
    let count = 0;
    for (const job of listed.value.schedules.filter((j) => j.active !== false).slice(0, 2)) {
      const r = await window.api['changes:pause']({ profileId: id, orgId: job.orgId, jobId: job.jobId });
      if (r.ok) count += 1;
    }
    return count;
  }, profileId);
  expect(paused).toBe(2);
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const dialog = page.getByRole('dialog', { name: `Edit profile: ${name}` });
  await dialog.getByRole('button', { name: 'Delete profile…' }).click();
  const confirm = dialog.locator('.confirm-inline');
  await expect(confirm).toContainText('2 paused schedules (kept only in this app) will be lost.');
  await expect(confirm).toContainText("The server's secret stays for");
  await expect(confirm).not.toContainText('and its stored secret');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const left = await page.evaluate(async () => {
    const r = await window.api['changes:paused-list']({});
    return r.ok ? r.value.paused.length : -1;
  });
  expect(left).toBe(0);
  await harness.simulator.reset();
});

test('the duplicate warning names the profile that already has this server and org', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  const dialog = await openNewProfile(page);
  await fillServer(dialog, harness.simulator.url);
  await dialog.getByLabel('Org ID', { exact: true }).fill('finance-prod');
  await expect(dialog.getByRole('status')).toContainText('“Finance on staging” (Staging) already uses org finance-prod');
  await dialog.getByLabel('Org ID', { exact: true }).fill('sandbox');
  await expect(dialog.getByText('already uses org')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).first().click();
});

test('orgs an analyst cannot reach are explained, not hidden', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  const dialog = await openNewProfile(page);
  await fillServer(dialog, harness.simulator.url);
  await dialog.getByLabel('User name', { exact: true }).fill(DEMO_ANALYST_USER);
  await dialog.getByLabel('Password', { exact: true }).fill(DEMO_ANALYST_PASSWORD);
  await dialog.getByLabel('Also check these org IDs', { exact: true }).fill('sandbox');
  await dialog.getByRole('button', { name: 'Find orgs on this server' }).click();
  const orgs = dialog.getByRole('region', { name: 'Orgs on this server' });
  await expect(orgs.getByLabel('Add org sales-analytics', { exact: true })).toBeEnabled();
  // finance-prod: another profile on this server uses it; sandbox: typed. Both shown, with why not.
  for (const org of ['finance-prod', 'sandbox']) {
    await expect(orgs.getByLabel(`Add org ${org}`, { exact: true })).toBeDisabled();
    await expect(orgs.locator('.org-row').filter({ hasText: org })).toContainText(`Not among the orgs ${DEMO_ANALYST_USER} can reach`);
  }
  await dialog.getByRole('button', { name: 'Close' }).first().click();
});

test('an API token two weeks from expiry is flagged in the editor and the sidebar, with the renewal steps', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  const dialog = await openNewProfile(page);
  await dialog.getByLabel('Name', { exact: true }).fill('Aging token');
  await dialog.getByLabel('Environment', { exact: true }).selectOption('production');
  await fillServer(dialog, harness.simulator.url);
  await dialog.getByLabel('Org ID', { exact: true }).fill('sandbox');
  await dialog.getByLabel('API token (container deployments)').check();
  await dialog.getByLabel('API token', { exact: true }).fill(DEMO_AGING_TOKEN);
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  const note = dialog.locator('.token-age-note');
  await expect(note).toContainText(/This API token expires in (9|10) days/);
  await expect(note).toContainText('Design Center');
  await expect(note).toContainText('API Token');
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  const item = app.sidebar.locator('.profile-item').filter({ hasText: 'Aging token' });
  await expect(item.locator('.token-warning')).toContainText(/Token expires in (9|10) days/);
  await expect(item).toHaveAttribute('title', /profile menu \(top right\) > API Token/);
  // Production is said once in its group title.
  const production = app.sidebar.getByRole('region', { name: 'Production profiles' });
  await expect(production.locator('.group-title')).toHaveText(/^\W*Production$/);
  expect(await page.content()).not.toContain(DEMO_AGING_TOKEN);
});

test('recent profiles come first in Ctrl+K', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Finance on staging');
  await app.selectProfile('Aging token');
  await page.keyboard.press('Control+k');
  const options = page.getByRole('listbox', { name: 'Profiles' }).getByRole('option');
  await expect(options.nth(1)).toContainText('Aging token');
  await expect(options.nth(2)).toContainText('Finance on staging');
  await page.keyboard.press('Escape');
});

test('the CA file is checked when chosen; the browser version asks for a typed path', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  const dialog = await openNewProfile(page);
  const ca = dialog.getByLabel('Trusted CA certificate (optional)', { exact: true });
  await ca.fill('/nonexistent/private-ca.pem');
  await ca.blur();
  await expect(dialog.locator('.field-error').filter({ hasText: 'private-ca.pem' })).toContainText('does not exist');
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await expect(dialog.getByRole('button', { name: 'Choose file…' })).toHaveCount(0);
  await ca.fill('');
  await expect(dialog.getByText('Not available in the browser version: type the path')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).first().click();
});

test('many profiles scroll above the footer; long names and org IDs never hide each other', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  const longName = 'Sales analytics quarterly aggregates rebuild for the EMEA region';
  const longOrg = 'sales-analytics-emea-quarterly-rebuild';
  const profiles = Array.from({ length: 30 }, (_, i) => ({
    name: i === 0 ? longName : `Bulk ${String(i).padStart(2, '0')}`,
    environment: { kind: 'test', label: 'Test', color: '#1971c2' },
    apiUrl: `https://bulk${i % 3}.example.com:10502`,
    authUrl: `https://bulk${i % 3}.example.com:10500`,
    orgId: i === 0 ? longOrg : `org-${i}`,
    signIn: 'password',
    username: 'admin',
    serverTimeZone: 'UTC',
    caCertPath: null,
    notes: '',
  }));
  await app.sidebar.getByRole('button', { name: 'Import / export' }).click();
  const io = page.getByRole('dialog', { name: 'Import and export profiles' });
  await io.getByLabel('JSON to import', { exact: true }).fill(JSON.stringify({ profiles }));
  await io.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(io.getByRole('status')).toContainText('Imported 30 profiles');
  await io.getByRole('button', { name: 'Close' }).first().click();

  await expect(app.sidebar.getByRole('button', { name: 'Audit log' })).toBeInViewport();
  await expect(app.sidebar.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport();
  const item = app.sidebar.locator('.profile-item').filter({ hasText: longName });
  await item.scrollIntoViewIfNeeded();
  const name = await item.locator('.profile-name').boundingBox();
  const org = await item.locator('.profile-org').boundingBox();
  expect(name && org && name.width > 0 && org.width > 0).toBe(true);
  if (name && org) expect(org.y).toBeGreaterThanOrEqual(name.y + name.height - 1);
  await expect(item.locator('.profile-org')).toContainText(`org ${longOrg.slice(0, 12)}`);
  await expect(item).toHaveAttribute('title', new RegExp(`${longName}\\norg ${longOrg}`));
  await expect(app.sidebar.getByRole('button', { name: 'Audit log' })).toBeInViewport();
});

test('export with secrets under a passphrase; a wrong passphrase imports nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.sidebar.getByRole('button', { name: 'Import / export' }).click();
  const io = page.getByRole('dialog', { name: 'Import and export profiles' });
  await io.getByLabel('Include passwords and tokens, encrypted under a passphrase').check();
  await io.getByLabel('Passphrase', { exact: true }).fill('river stone lantern');
  await io.getByLabel('Passphrase again', { exact: true }).fill('river stone lantern');
  await io.getByRole('button', { name: /^Export \d+ profiles$/ }).click();
  await expect(io).toContainText(/\d+ secrets included, encrypted/);
  const json = await io.getByLabel('Exported JSON', { exact: true }).inputValue();
  expect(json).toContain('"scrypt"');
  expect(json).toContain('"aes-256-gcm"');
  expect(json).not.toContain(DEMO_PASSWORD);
  expect(json).not.toContain(DEMO_AGING_TOKEN);
  await io.getByLabel('JSON to import', { exact: true }).fill(json);
  await io.getByLabel('Passphrase of the encrypted secrets', { exact: true }).fill('wrong passphrase');
  await io.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(io.getByRole('alert')).toContainText('The passphrase is wrong');
  await expect(io.getByRole('alert')).toContainText('Nothing was imported');
});
