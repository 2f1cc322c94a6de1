// Compares the engine with the jar's answers (lines from Fuzz.java) and prints every difference that is
// the engine's: a case whose zone offsets Java and Node disagree on is a difference of time-zone data.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { nextRunTimes } from '@shared/cron/index';
// Node's own reading of the zone (Intl), apart from the engine's zone.ts.
import { zoneOffsetMs } from '@shared/fleet/wall-clock';

interface Case {
  e: string;
  z: string;
  s: number;
  f: number[];
}

const [file, classes] = process.argv.slice(2) as [string, string];
const cases = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Case);
const iso = (t: number): string => new Date(t).toISOString();
const AROUND = [-86_400_000, -3_600_000, 0, 3_600_000, 86_400_000];

function engine(c: Case): number[] | string {
  try {
    return nextRunTimes(c.e, c.s, c.f.length || 8, c.z);
  } catch (e) {
    return String(e);
  }
}

const differ = cases.map((c) => ({ c, got: engine(c) })).filter(({ c, got }) => JSON.stringify(got) !== JSON.stringify(c.f));
const instants = (c: Case, got: number[] | string): number[] => [c.s, ...c.f, ...(Array.isArray(got) ? got : [])].flatMap((t) => AROUND.map((d) => t + d));
const queries = differ.flatMap(({ c, got }) => instants(c, got).map((t) => `${c.z}\t${t}`));
const java = queries.length
  ? execFileSync('java', ['-cp', classes, 'Offsets'], { input: `${queries.join('\n')}\n` })
      .toString()
      .trim()
      .split('\n')
      .map(Number)
  : [];
let at = 0;
let engineDiffers = 0;
for (const { c, got } of differ) {
  const ts = instants(c, got);
  const sameData = ts.every((t, i) => java[at + i] === zoneOffsetMs(c.z, t));
  at += ts.length;
  if (!sameData) continue;
  engineDiffers++;
  console.log(`${JSON.stringify(c.e)} in ${c.z} after ${iso(c.s)}`);
  console.log(`  Quartz ${c.f.map(iso).join(' ')}`);
  console.log(`  engine ${Array.isArray(got) ? got.map(iso).join(' ') : got}`);
}
console.log(`${cases.length} cases: ${differ.length} differ, ${differ.length - engineDiffers} of them by time-zone data, ${engineDiffers} by the engine`);
process.exitCode = engineDiffers > 0 ? 1 : 0;
