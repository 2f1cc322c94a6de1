// Schedules are described in the user's own language (cronstrue in Quartz mode).
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

const harness = useHarness();

test.use({ locale: 'de-DE' });

test('a German browser reads the schedules in German', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();
  await expect(app.row('0 0 4 ? * * *')).toContainText('Um 04:00');
  // Quartz's 1 = Sunday survives the translation: SUN is Sonntag, not Montag.
  await expect(app.row('0 30 1 ? * SUN *')).toContainText(/Sonntag/);
});
