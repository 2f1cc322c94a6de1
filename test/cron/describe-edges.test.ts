// What the schedule list shows as a description: Quartz's day numbering, the user's clock format and
// language tag, and a plain label (never an error) for forms the description library cannot word.
import { describe, expect, it } from 'vitest';
import { cronstrueLocale, describeQuartz, descriptionLocaleReady, loadDescriptionLocale, onDescriptionLocaleLoaded } from '@shared/cron/describe';

describe('locale tags', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['pt-BR', 'pt_BR'],
    ['pt_br', 'pt_BR'],
    ['de-AT', 'de'],
    ['DE', 'de'],
    ['zh', 'zh_CN'],
    ['zh-HK', 'zh_CN'],
    ['pt', 'pt_BR'],
    ['p', 'en'],
    ['xx-YY', 'en'],
  ])('%s reads as %s', (tag, code) => {
    expect(cronstrueLocale(tag)).toBe(code);
  });

  it('prefers the exact region, then the language, then the first region of that language', () => {
    const known = { es: true, es_MX: true, fr_CA: true, fr_FR: true };
    expect(cronstrueLocale('es-MX', known)).toBe('es_MX');
    expect(cronstrueLocale('es-AR', known)).toBe('es');
    expect(cronstrueLocale('fr-BE', known)).toBe('fr_CA');
  });
});

describe('descriptions', () => {
  it('count days from Sunday = 1 and follow the clock format', () => {
    expect(describeQuartz('0 0 15 ? * 1')).toBe('At 03:00 PM, only on Sunday');
    expect(describeQuartz('0 0 15 ? * 1', { use24HourTimeFormat: true })).toBe('At 15:00, only on Sunday');
    expect(describeQuartz('0 0 4 ? * MON-FRI *', { locale: 'en-GB', use24HourTimeFormat: true })).toBe('At 04:00, Monday through Friday');
  });

  it('fall back to a plain label for forms the library cannot word', () => {
    expect(describeQuartz('0 0 4 L-3W * ?')).toBe('Quartz schedule 0 0 4 L-3W * ?');
    expect(describeQuartz('  0 0 4 ? * 2#6 ')).toBe('Quartz schedule 0 0 4 ? * 2#6');
  });

  it('a description in a locale not loaded yet is English and fetches the locale; a listener that left hears nothing', async () => {
    const heard: string[] = [];
    const off = onDescriptionLocaleLoaded((code) => heard.push(`left:${code}`));
    off();
    const arrived = new Promise<string>((resolve) => {
      const stop = onDescriptionLocaleLoaded((code) => {
        stop();
        resolve(code);
      });
    });
    expect(describeQuartz('0 0 15 ? * 1', { locale: 'es-MX' })).toBe('At 03:00 PM, only on Sunday');
    expect(await arrived).toBe('es');
    expect(describeQuartz('0 0 15 ? * 1', { locale: 'es-MX' })).toMatch(/domingo/);
    expect(heard).toEqual([]);
  });

  it('answer in German once it is loaded, for any German region', async () => {
    expect(await loadDescriptionLocale('de-CH')).toBe(true);
    expect(descriptionLocaleReady('de-AT')).toBe(true);
    expect(describeQuartz('0 0 15 ? * 1', { locale: 'de-AT', use24HourTimeFormat: true })).toMatch(/Sonntag/);
    // A form German cannot word falls back to the plain label, not to an error text.
    expect(describeQuartz('0 0 4 L-3W * ?', { locale: 'de' })).toBe('Quartz schedule 0 0 4 L-3W * ?');
  });
});
