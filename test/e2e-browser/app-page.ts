// Page object for the renderer: what a user does, in their words. Transport-agnostic (browser harness
// or Electron): it needs only a Playwright Page showing the app.
import { expect, type Locator, type Page } from '@playwright/test';

export class AppPage {
  constructor(readonly page: Page) {}

  /** Navigates to the app (browser) and waits for the first screen. */
  async open(url?: string): Promise<void> {
    if (url) await this.page.goto(url);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Profiles' });
  }

  get heading(): Locator {
    return this.page.locator('.workspace-header h1');
  }

  /** First start: the welcome screen's demo button, then the demo profiles appear. */
  /** Starts the demo from the welcome screen; a no-op when an earlier test of the file already did. */
  async startDemo(): Promise<void> {
    await expect(this.page.getByRole('button', { name: 'Try the demo' }).or(this.sidebar.locator('.profile-item').nth(1))).toBeVisible();
    if (await this.page.getByRole('button', { name: 'Try the demo' }).isVisible()) await this.page.getByRole('button', { name: 'Try the demo' }).click();
    await expect(this.sidebar.locator('.profile-item').nth(1)).toBeVisible();
  }

  async selectProfile(name: string): Promise<void> {
    await this.sidebar
      .getByRole('button', { name: new RegExp(`^${escape(name)}\\b`) })
      .first()
      .click();
    await expect(this.heading).toHaveText(name);
  }

  async selectAllProfiles(): Promise<void> {
    await this.sidebar.getByRole('button', { name: /^All profiles/ }).click();
    await expect(this.heading).toHaveText('All profiles');
  }

  /** Ctrl+K, type, Enter. */
  async switchWithKeyboard(query: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    const box = this.page.getByRole('combobox', { name: 'Profile name, org or environment' });
    await expect(box).toBeFocused();
    await box.fill(query);
    await box.press('Enter');
    await expect(box).toBeHidden();
  }

  async showTab(tab: 'List' | 'Calendar' | 'Timeline'): Promise<void> {
    await this.page.getByRole('tab', { name: tab }).click();
    await expect(this.page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  }

  /**
   * Waits until the calendar has its schedules and every run is placed: a large or cold layout is
   * placed in slices after the grid is drawn, so cells read earlier can be empty on a busy machine.
   */
  async expectCalendarPlaced(): Promise<Locator> {
    const view = this.page.getByTestId('calendar-view');
    await expect(view).not.toHaveAttribute('data-sources', '0');
    await expect(view).toHaveAttribute('data-complete', 'true', { timeout: 20_000 });
    return view;
  }

  get scheduleRows(): Locator {
    return this.page.getByRole('table', { name: 'Schedules' }).locator('tbody tr');
  }

  row(expression: string): Locator {
    return this.scheduleRows.filter({ has: this.page.getByRole('button', { name: `Show schedule ${expression}`, exact: true }) });
  }

  /** The panel beside the list with the selected schedule's details and actions. */
  get details(): Locator {
    return this.page.getByRole('complementary', { name: 'Selected schedule' });
  }

  /** Shows a schedule's details, clicks `action` there (e.g. 'Pause…') and answers the dialog named `dialogName`. */
  async openScheduleAction(expression: string, action: string, dialogName: string): Promise<Locator> {
    await this.row(expression)
      .getByRole('button', { name: `Show schedule ${expression}` })
      .click();
    await this.details.getByRole('button', { name: action }).click();
    return this.page.getByRole('dialog', { name: dialogName });
  }

  /** Opens the Change schedule dialog of `before` and types `after` as its new expression; answers the dialog. */
  async startEdit(before: string, after: string): Promise<Locator> {
    const dialog = await this.openScheduleAction(before, 'Edit…', 'Change schedule');
    await dialog.getByLabel('New Quartz expression').fill(after);
    return dialog;
  }

  /** All profiles: waits until rows of each named profile are listed (profiles load one by one). */
  async expectProfilesListed(names: readonly string[]): Promise<void> {
    for (const name of names) await expect(this.scheduleRows.filter({ has: this.page.locator('.cell-profile', { hasText: name }) }).first()).toBeVisible();
  }

  async expectSchedulesLoaded(): Promise<void> {
    await expect(this.scheduleRows.first()).toBeVisible();
  }

  async openCreateDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'New schedule' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New schedule' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Types a raw expression into the create dialog, confirms the org when asked (production), submits. */
  async createSchedule(expression: string, options: { orgId?: string } = {}): Promise<void> {
    const dialog = await this.openCreateDialog();
    await dialog.getByLabel('Quartz expression').fill(expression);
    if (options.orgId) await dialog.getByLabel(/Type the org ID/).fill(options.orgId);
    await dialog.getByRole('button', { name: /^Create (schedule|in production)$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(expression)).toBeVisible();
  }

  async deleteSchedule(expression: string, options: { orgId?: string } = {}): Promise<void> {
    await this.row(expression)
      .getByRole('button', { name: `Delete schedule ${expression}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Delete schedule?' });
    await expect(dialog).toBeVisible();
    if (options.orgId) await dialog.getByLabel(/Type the org ID/).fill(options.orgId);
    await dialog.getByRole('button', { name: /^Delete (schedule|from production)$/ }).click();
    await expect(dialog).toBeHidden();
  }

  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh', exact: true }).click();
  }

  get offlineBanner(): Locator {
    return this.page.getByTestId('offline-banner');
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
