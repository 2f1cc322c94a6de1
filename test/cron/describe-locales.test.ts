// Every language the description offers loads on request and then words a schedule in that language:
// the user who picks Swahili or Thai reads Sunday in their own words, never an English fallback.
import { describe, expect, it } from 'vitest';
import { describeQuartz, descriptionLocaleReady, loadDescriptionLocale } from '@shared/cron/describe';

// A language tag as a user's system gives it, and how that language writes "Sunday" in the description.
const SUNDAY: readonly (readonly [string, string])[] = [
  ['af', 'Sondag'],
  ['ar', 'الأحد'],
  ['az', 'bazar'],
  ['be', 'нядзеля'],
  ['bg', 'неделя'],
  ['ca', 'diumenge'],
  ['cs', 'Neděle'],
  ['da', 'søndag'],
  ['de', 'Sonntag'],
  ['es', 'domingo'],
  ['fa', 'یک‌شنبه'],
  ['fi', 'sunnuntai'],
  ['fr', 'dimanche'],
  ['he', 'יום ראשון'],
  ['hr', 'Nedjelja'],
  ['hu', 'vasárnap'],
  ['id', 'Minggu'],
  ['it', 'domenica'],
  ['ja', '日曜日'],
  ['ko', '일요일'],
  ['my', 'Ahad'],
  ['nb', 'søndag'],
  ['nl', 'zondag'],
  ['nn', 'sundag'],
  ['pl', 'niedziela'],
  ['pt-BR', 'domingo'],
  ['pt-PT', 'domingo'],
  ['ro', 'duminică'],
  ['ru', 'воскресенье'],
  ['sk', 'Nedeľa'],
  ['sl', 'Nedelja'],
  ['sr', 'Nedelja'],
  ['sv', 'söndag'],
  ['sw', 'Jumapili'],
  ['tg', 'якшанбе'],
  ['th', 'วันอาทิตย์'],
  ['tr', 'Pazar'],
  ['uk', 'неділя'],
  ['vi', 'Chủ nhật'],
  ['zh-CN', '星期日'],
  ['zh-TW', '星期日'],
];

describe('every description language', () => {
  it.each(SUNDAY)('%s loads and words Sunday as %s', async (tag, sunday) => {
    expect(await loadDescriptionLocale(tag)).toBe(true);
    expect(descriptionLocaleReady(tag)).toBe(true);
    const words = describeQuartz('0 0 15 ? * 1', { locale: tag, use24HourTimeFormat: true });
    expect(words).toContain(sunday);
    expect(words).toContain('15:00');
    expect(words).not.toMatch(/Sunday/);
  });
});
