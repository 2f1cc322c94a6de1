// Adds a connection profile through the "Add a profile" dialog, as a user would (password sign-in).
import { expect, type Page } from '@playwright/test';

export interface NewProfile {
  name: string;
  url: string;
  orgId: string;
  username: string;
  password: string;
}

export async function addProfile(page: Page, p: NewProfile): Promise<void> {
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name', { exact: true }).fill(p.name);
  // The environment is an explicit choice (never assumed).
  await dialog.getByLabel('Environment', { exact: true }).selectOption('development');
  await dialog.getByLabel('API URL', { exact: true }).fill(p.url);
  await dialog.getByLabel('Design Center URL', { exact: true }).fill(p.url);
  await dialog.getByLabel('Org ID', { exact: true }).fill(p.orgId);
  await dialog.getByLabel('User name and password').check();
  await dialog.getByLabel('User name', { exact: true }).fill(p.username);
  await dialog.getByLabel('Password', { exact: true }).fill(p.password);
  // The real keychain (run.sh provides a private one): the restart must find the secret there.
  const keychain = dialog.getByLabel('In the system keychain');
  await expect(keychain, 'the system keychain must be available to the app').toBeEnabled();
  await keychain.check();
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  // Saving keeps the editor open (to test the connection next); it then says where the secret went.
  await expect(dialog).toContainText('A password is stored (in the system keychain)');
  // Two buttons are named Close (the header's ×, the footer's); the footer one is last.
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toBeHidden();
}
