// What both screenshot files need: a shot shows the screen, not the toasts that happen to be over it.
import { expect, type Page } from '@playwright/test';

/** Closes the toasts in the corner (they cover what a shot shows) and waits until they are gone. */
export async function dismissToasts(page: Page): Promise<void> {
  const dismiss = page.locator('.toast').getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  await expect(page.locator('.toast')).toHaveCount(0);
}
