// The engine's day matcher (read from the value sets) against its own walk: for every day of three
// years, a plain day rule matches exactly the days on which `0 0 12 <rule>` fires; the day rules whose
// day depends on the month (L, W, #) are left to the walk.
import { describe, expect, it } from 'vitest';
import { expandWindow, parseQuartz } from '@shared/cron';
import { plainDayMatcher } from '@shared/cron/day-match';

const FROM = Date.UTC(2027, 0, 1);
const TO = Date.UTC(2030, 0, 1);
const DAY_MS = 86_400_000;

/** The walk's answer: ISO dates on which noon fires in UTC. */
function walkedDays(rule: string): Set<string> {
  const w = expandWindow(`0 0 12 ${rule}`, { from: new Date(FROM), to: new Date(TO), timeZone: 'UTC', limit: 2_000 });
  return new Set(w.runs.map((r) => r.toISOString().slice(0, 10)));
}

function matchedDays(rule: string): Set<string> | null {
  const match = plainDayMatcher(parseQuartz(`0 0 12 ${rule}`));
  if (!match) return null;
  const out = new Set<string>();
  for (let t = FROM; t < TO; t += DAY_MS) {
    const d = new Date(t);
    if (match(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())) out.add(d.toISOString().slice(0, 10));
  }
  return out;
}

const PLAIN = [
  '? * * *',
  '? * MON-FRI *',
  '? * SUN',
  '? * 1',
  '? * 7',
  '? * SAT,SUN',
  '? * FRI-MON',
  '? * 2/2',
  '? * */3',
  '* * ?',
  '1 * ?',
  '17 * ? *',
  '31 * ?',
  '29 2 ?',
  '30 FEB ?',
  '1-7 * ?',
  '25-5 * ?',
  '5/10 * ?',
  '1,15 JAN,JUL ?',
  '? 6-8 MON',
  '? NOV-FEB TUE',
  '13 * ? 2028',
  '? * WED 2027-2028',
  '? * * 2029/5',
  '1 1 ? 2031',
];

const SPECIAL = ['L * ?', 'LW * ?', '15W * ?', 'L-3 * ?', '? * 5L', '? * 6#3', '? * 2#5', 'L-1W * ?'];

describe('plainDayMatcher', () => {
  it.each(PLAIN)('matches exactly the days the walk fires on: %s', (rule) => {
    const matched = matchedDays(rule);
    expect(matched).not.toBeNull();
    expect([...(matched ?? [])].sort()).toEqual([...walkedDays(rule)].sort());
  });

  it('agrees with the walk on generated day rules', () => {
    const dows = ['*', 'MON', 'TUE-THU', '1,4,7', '6/2', 'SAT-TUE', '3-3'];
    const doms = ['*', '2', '28-31', '10/7', '1,10,20,30', '31-2'];
    const months = ['*', '2', 'MAR-MAY', '12,1', '4/4'];
    const years = ['', ' *', ' 2028', ' 2027/2'];
    let checked = 0;
    for (const month of months) {
      for (const year of years) {
        for (const dow of dows) {
          const rule = `? ${month} ${dow}${year}`;
          expect([...(matchedDays(rule) ?? ['(none)'])].sort(), rule).toEqual([...walkedDays(rule)].sort());
          checked += 1;
        }
        for (const dom of doms) {
          const rule = `${dom} ${month} ?${year}`;
          expect([...(matchedDays(rule) ?? ['(none)'])].sort(), rule).toEqual([...walkedDays(rule)].sort());
          checked += 1;
        }
      }
    }
    expect(checked).toBe(5 * 4 * (7 + 6));
  });

  it.each(SPECIAL)('leaves %s to the walk (its day depends on the month)', (rule) => {
    expect(matchedDays(rule)).toBeNull();
  });
});
