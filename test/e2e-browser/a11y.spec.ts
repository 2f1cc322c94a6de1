// axe-core on the main screens, light and dark: no serious or critical violations.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
test.describe.configure({ mode: 'serial' });
// The page's CSP (script-src 'self') would refuse the injected axe script.
test.use({ bypassCSP: true });
const harness = useHarness();

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  // These callbacks run in the page; this file is type-checked without DOM types, hence globalThis.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

for (const scheme of ['light', 'dark'] as const) {
  test(`main screens have no serious axe violations (${scheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    const app = new AppPage(page);
    await app.open(harness.url);
    const found: string[] = [];
    if (await page.getByRole('button', { name: 'Try the demo' }).isVisible()) {
      found.push(...(await seriousViolations(page, 'welcome')));
      await app.startDemo();
    }
    await app.selectProfile('Demo dev');
    await app.expectSchedulesLoaded();
    await app.scheduleRows
      .first()
      .getByRole('button', { name: /^Show schedule/ })
      .click();
    found.push(...(await seriousViolations(page, 'list with details')));
    await app.showTab('Calendar');
    await expect(page.getByTestId('calendar-view')).toBeVisible();
    found.push(...(await seriousViolations(page, 'calendar')));
    await app.showTab('Timeline');
    await expect(page.getByTestId('timeline-lane').first()).toBeVisible();
    found.push(...(await seriousViolations(page, 'timeline')));
    await app.selectAllProfiles();
    await app.showTab('List');
    await app.expectSchedulesLoaded();
    found.push(...(await seriousViolations(page, 'all profiles')));
    await app.selectProfile('Demo prod');
    await app.expectSchedulesLoaded();
    const dialog = await app.openCreateDialog();
    await dialog.getByLabel('Quartz expression').fill('0 30 4 ? * * *');
    found.push(...(await seriousViolations(page, 'create dialog')));
    await page.keyboard.press('Escape');
    await app.scheduleRows
      .first()
      .getByRole('button', { name: /^Delete schedule/ })
      .click();
    // Dialogs load on demand: check (and close) the dialog once it is there, not the page before it.
    const deleteDialog = page.getByRole('dialog', { name: /Delete/ });
    await expect(deleteDialog).toBeVisible();
    found.push(...(await seriousViolations(page, 'delete dialog')));
    await page.keyboard.press('Escape');
    await expect(deleteDialog).toBeHidden();
    await page.getByRole('button', { name: 'Edit profile' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    found.push(...(await seriousViolations(page, 'profile editor')));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await page.keyboard.press('Control+k');
    found.push(...(await seriousViolations(page, 'switcher')));
    await page.keyboard.press('Escape');
    expect(found, found.join('\n')).toEqual([]);
  });
}
