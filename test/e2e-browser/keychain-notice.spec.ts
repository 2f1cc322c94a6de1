// An older secret left in the OS keychain (the core's app:info `keychainProblem` while the keychain is
// available: a secret put in memory whose old entry the failing keychain could not remove) is told in the
// profile editor, with what to do, even when it arose after the app started. The harness's keychain is
// real and does not fail on cue, so the core's answer to app:info is given that problem here.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';
import { DEMO_PASSWORD } from '@simulator/demo-data';
import type { Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();

// The core's words (src-main/core/secrets/secret-vault.ts), as test/core/keychain-fails-mid-session.test.ts sees them.
const STALE =
  'A secret now kept in memory for this session still has an older keychain entry: the keychain failed while removing it (The name :1.0 was not provided by any .service files). After a restart the app signs in with that older secret; save the secret again once the keychain answers.';

/** The keychain entries' name as the core gave it in its last app:info answer. */
let keychainService = '';

/** From now on, app:info answers as the core does once an old entry could not be removed (when `when()` says so). */
async function reportStaleEntry(page: Page, when: () => boolean = () => true): Promise<void> {
  await page.route(/\/api\/app:info$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: { keychain: string; keychainProblem: string | null; keychainService: string } };
    if (body.value) keychainService = body.value.keychainService;
    if (when() && body.value) Object.assign(body.value, { keychain: 'available', keychainProblem: STALE });
    await route.fulfill({ response, json: body });
  });
}

async function openEditor(page: Page, app: AppPage, name: string) {
  await app.selectProfile(name);
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const dialog = page.getByRole('dialog', { name: `Edit profile: ${name}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('an old keychain entry reported after the start is shown in every profile editor, with what to do', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();
  let dialog = await openEditor(page, app, 'Demo dev');
  await expect(dialog.getByRole('textbox', { name: 'Password' })).toBeVisible();
  await expect(dialog.getByTestId('keychain-notice')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toBeHidden();

  // The keychain failed meanwhile: the app read app:info at its start, the editor asks again.
  await reportStaleEntry(page);
  for (const name of ['Demo dev', 'Demo prod']) {
    dialog = await openEditor(page, app, name);
    const notice = dialog.getByTestId('keychain-notice');
    await expect(notice).toBeVisible();
    // What happened, in the core's words.
    await expect(notice).toContainText('An older secret is still in the system keychain.');
    await expect(notice).toContainText('A secret now kept in memory for this session still has an older keychain entry');
    await expect(notice).toContainText('After a restart the app signs in with that older secret');
    // Which profiles it can be: the problem names none, so the notice is general, naming the profiles kept in memory.
    await expect(notice).toContainText(
      'Only a profile whose secret is kept in memory for this session can have one: “Demo dev” or “Demo prod” (this profile among them).',
    );
    // What to do: save the secret again once the keychain answers, or delete the entry by its name.
    await expect(notice).toContainText('once the keychain answers again');
    await expect(notice).toContainText('type the password of each such profile in its editor and save it');
    // The entries' name as the core says it in app:info.
    expect(keychainService).toMatch(/^AtScale Maintenance Scheduler/);
    await expect(notice).toContainText(`the app's entries are named “${keychainService}”`);
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(dialog).toBeHidden();
  }
});

test('the notice appears in the open editor right after a save that left the old entry behind', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();
  let saved = false;
  await page.route(/\/api\/profiles:save$/, async (route) => {
    const response = await route.fetch();
    saved = true;
    await route.fulfill({ response });
  });
  await reportStaleEntry(page, () => saved);
  const dialog = await openEditor(page, app, 'Demo prod');
  await expect(dialog.getByTestId('keychain-notice')).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await dialog.getByLabel('In memory, this session only').check();
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile “Demo prod” saved.')).toBeVisible();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('keychain-notice')).toContainText('A secret now kept in memory for this session still has an older keychain entry');
  await expect(dialog.getByTestId('keychain-notice')).toContainText('(this profile among them)');
});
