// Descriptions load their locale on demand: English at once, another language once its words arrive.
import { describe, expect, it } from 'vitest';
import { describeQuartz, descriptionLocaleReady, loadDescriptionLocale, onDescriptionLocaleLoaded } from '@shared/cron/describe';

describe('description locales on demand', () => {
  it('answers in English while French loads, then in French, telling listeners once', async () => {
    expect(descriptionLocaleReady('fr-FR')).toBe(false);
    const arrived: string[] = [];
    const off = onDescriptionLocaleLoaded((code) => arrived.push(code));
    expect(describeQuartz('0 0 12 ? * 2', { locale: 'fr-FR' })).toMatch(/Monday/);
    expect(await loadDescriptionLocale('fr')).toBe(true);
    off();
    expect(arrived).toEqual(['fr']);
    expect(describeQuartz('0 0 12 ? * 2', { locale: 'fr-FR' })).toMatch(/lundi/);
  });

  it('maps an unknown locale to English, which is always there', async () => {
    expect(descriptionLocaleReady('xx-YY')).toBe(true);
    expect(await loadDescriptionLocale('xx-YY')).toBe(true);
  });
});

describe('the engine seam', () => {
  it('does not pull in the description library', async () => {
    const { readFileSync } = await import('node:fs');
    const seam = readFileSync(new URL('../../src-shared/cron/index.ts', import.meta.url), 'utf8');
    expect(seam).not.toMatch(/describe|cronstrue/);
  });
});
