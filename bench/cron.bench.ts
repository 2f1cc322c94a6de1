// Quartz engine speed: microseconds per fire time for our engine, cron-parser and Quartz on the JVM on the
// same cases, agreement with cron-parser, and a 6-week calendar window for 1,000 mixed schedules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CronExpressionParser } from 'cron-parser';
import { expandWindow, nextRunTimes } from '@shared/cron/index';

const FIRES = 10;
const START = Date.parse('2027-03-01T00:00:00Z');
const ZONES = ['UTC', 'America/New_York'];
const QUARTZ_JAR = '/usr/share/java/quartz2.jar';

interface Golden {
  zones: string[];
  starts: number[];
  cases: { e: string; f: number[][]; x?: string; utcFirstStartOnly?: boolean }[];
}

/** Realistic cases: the golden corpus minus expressions that (almost) never fire or that Quartz fails on. */
function benchCases(): string[] {
  const file = fileURLToPath(new URL('../test/golden/fixtures/quartz-golden.json', import.meta.url));
  const golden = JSON.parse(readFileSync(file, 'utf8')) as Golden;
  return golden.cases.filter((c) => !c.x && !c.utcFirstStartOnly && (c.f[0]?.length ?? 0) >= 6).map((c) => c.e);
}

/** Quartz -> cron-parser: day-of-week numbers 1-7 become 0-6; no year field, so 7-field cases are skipped. */
function toCronParser(quartz: string): string | null {
  const f = quartz.trim().split(/[ \t]+/);
  if (f.length !== 6) return null;
  f[5] = (f[5] as string).replace(/(^|[,-])([1-7])(?=$|[,\-/#L])/g, (_m, p: string, d: string) => `${p}${Number(d) - 1}`);
  return f.join(' ');
}

function cronParserRuns(expr: string, zone: string): number[] {
  const it = CronExpressionParser.parse(expr, { currentDate: new Date(START), tz: zone });
  const out: number[] = [];
  for (let k = 0; k < FIRES; k++) out.push(it.next().getTime());
  return out;
}

function timeEngine(cases: string[], zone: string): { us: number; fires: number } {
  let fires = 0;
  for (const e of cases) fires += nextRunTimes(e, START, FIRES, zone).length; // warm-up: parse + zone tables
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (const e of cases) nextRunTimes(e, START, FIRES, zone);
    best = Math.min(best, performance.now() - t0);
  }
  return { us: (best * 1000) / fires, fires };
}

function compareWithCronParser(cases: string[], zone: string): { us: number; skipped: number; failed: number; agree: number; compared: number } {
  let skipped = 0,
    failed = 0,
    agree = 0,
    compared = 0,
    fires = 0,
    ms = 0;
  for (const e of cases) {
    const translated = toCronParser(e);
    if (translated === null) {
      skipped++;
      continue;
    }
    let theirs: number[];
    try {
      CronExpressionParser.parse(translated, { currentDate: new Date(START), tz: zone });
    } catch {
      skipped++;
      continue;
    }
    try {
      const t0 = performance.now();
      theirs = cronParserRuns(translated, zone);
      ms += performance.now() - t0;
      fires += theirs.length;
    } catch {
      failed++; // e.g. "loop limit exceeded"
      compared++;
      continue;
    }
    compared++;
    if (theirs.join() === nextRunTimes(e, START, FIRES, zone).join()) agree++;
  }
  return { us: (ms * 1000) / Math.max(1, fires), skipped, failed, agree, compared };
}

function quartzOnJvm(cases: string[], zone: string): string {
  const here = fileURLToPath(new URL('../test/golden/', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'quartz-timing-'));
  try {
    const list = join(dir, 'cases.txt');
    writeFileSync(list, cases.join('\n'));
    execFileSync('javac', ['-nowarn', '-d', dir, '-cp', QUARTZ_JAR, join(here, 'QuartzTiming.java')], { stdio: 'pipe' });
    const out = execFileSync('java', ['-Duser.timezone=UTC', '-cp', `${dir}:${QUARTZ_JAR}`, 'QuartzTiming', list, zone, String(START), String(FIRES)], {
      encoding: 'utf8',
    });
    const us = Number(out.trim().split(' ')[0]);
    return `${us.toFixed(2)} µs`;
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    if (process.env.CI === 'true') throw new Error(`Quartz JVM timing failed under CI: ${why}`);
    return `NOT MEASURED (${why}; needs javac/java and ${QUARTZ_JAR})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 1,000 schedules: ~70% daily/weekly, 25% monthly with L, W or #, 5% hourly or more often (seeded). */
function mixedSchedules(): string[] {
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const monthly = ['L', 'LW', '15W', 'L-3', '1W'];
  const nth = ['6#3', '2#1', '2L', '6L', 'MON#2'];
  const frequent = ['0 0/15 * * * ?', '0 */5 8-18 ? * MON-FRI', '0 * * * * ?', '0 0 * * * ?', '0 30 */2 * * ?'];
  const out: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const m = rnd(60),
      h = rnd(24),
      k = i % 20;
    if (k < 14) out.push(k % 2 ? `0 ${m} ${h} * * ?` : `0 ${m} ${h} ? * ${1 + rnd(7)}`);
    else if (k < 19) out.push(k % 2 ? `0 ${m} ${h} ${monthly[rnd(5)]} * ?` : `0 ${m} ${h} ? * ${nth[rnd(5)]}`);
    else out.push(frequent[rnd(5)] as string);
  }
  return out;
}

const WINDOW_ZONE = 'America/New_York';
const WINDOW_FROM = Date.parse('2027-03-01T00:00:00Z');

function expandAll(expand: typeof expandWindow, schedules: string[], days: number): { ms: number; runs: number; total: number } {
  const from = new Date(WINDOW_FROM);
  const to = new Date(WINDOW_FROM + days * 86_400_000);
  const t0 = performance.now();
  let runs = 0,
    total = 0;
  for (const e of schedules) {
    const w = expand(e, { from, to, timeZone: WINDOW_ZONE, limit: 500 });
    runs += w.runs.length;
    total += w.total;
  }
  return { ms: performance.now() - t0, runs, total };
}

/**
 * Child-process side of the cold figures (CRON_BENCH_COLD=<schedules>:<days>[:icu]): a fresh process
 * expands once, so nothing is JIT-compiled, parsed or cached yet. With ':icu' the process
 * first formats one date in another zone, as any app screen does, so ICU's one-time zone-data load is
 * not billed to the engine.
 */
async function coldChild(spec: string): Promise<void> {
  const [n, days, icu] = spec.split(':');
  if (icu === 'icu') new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', timeZoneName: 'short' }).format(0);
  const first = expandAll(expandWindow, mixedSchedules().slice(0, Number(n)), Number(days));
  console.log(JSON.stringify({ firstMs: first.ms }));
  await Promise.resolve();
}

function coldFigures(spec: string): number[] {
  const bench = fileURLToPath(import.meta.url);
  const out: number[] = [];
  for (let r = 0; r < 5; r++) {
    const text = execFileSync(process.execPath, [...process.execArgv, bench], { encoding: 'utf8', env: { ...process.env, CRON_BENCH_COLD: spec } });
    out.push((JSON.parse(text.trim().split('\n').pop() ?? '{}') as { firstMs: number }).firstMs);
  }
  return out;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function windowBench(): void {
  const schedules = mixedSchedules();
  console.log(`Calendar windows in ${WINDOW_ZONE}, limit 500 Dates per schedule (machine is shared: medians of 5 fresh processes):`);
  for (const [label, spec] of [
    ['1,000 mixed schedules, 6 weeks', '1000:42'],
    ['200 mixed schedules, 1 month (renderer goal < 300 ms from load)', '200:31'],
  ] as const) {
    const cold = coldFigures(spec);
    const coldIcu = coldFigures(`${spec}:icu`);
    console.log(`  ${label}:`);
    console.log(
      `    cold (fresh process, first expansion): median ${median(cold).toFixed(1)} ms incl. ICU's first zone-data load ` +
        `(range ${Math.min(...cold).toFixed(0)}-${Math.max(...cold).toFixed(0)}), ${median(coldIcu).toFixed(1)} ms with ICU already loaded ` +
        `(range ${Math.min(...coldIcu).toFixed(0)}-${Math.max(...coldIcu).toFixed(0)})`,
    );
  }
  const first = expandAll(expandWindow, schedules, 42);
  const times: number[] = [];
  for (let r = 0; r < 9; r++) times.push(expandAll(expandWindow, schedules, 42).ms);
  console.log(`  warm, 1,000 schedules, 6 weeks: ${first.runs} Dates built, ${first.total} fire times counted`);
  console.log(`    median ${median(times).toFixed(1)} ms, best ${Math.min(...times).toFixed(1)} ms of 9 repeats (target < 50 ms)`);
}

if (process.env.CRON_BENCH_COLD) await coldChild(process.env.CRON_BENCH_COLD);

export async function run(): Promise<void> {
  const cases = benchCases();
  console.log(`Fire times: ${cases.length} Quartz expressions from the golden corpus, ${FIRES} fire times each, after ${new Date(START).toISOString()}`);
  for (const zone of ZONES) {
    const ours = timeEngine(cases, zone);
    const theirs = compareWithCronParser(cases, zone);
    const jvm = quartzOnJvm(cases, zone);
    console.log(`  ${zone}:`);
    console.log(`    engine        ${ours.us.toFixed(2)} µs per fire time (${ours.fires} fire times, best of 7)`);
    console.log(`    Quartz (JVM)  ${jvm} per fire time`);
    console.log(
      `    cron-parser   ${theirs.us.toFixed(2)} µs per fire time; skipped ${theirs.skipped} it cannot parse (year field, W, L-n, ...), ` +
        `${theirs.failed} threw while computing; agrees with Quartz on ${theirs.agree}/${theirs.compared} ` +
        `(${((100 * theirs.agree) / Math.max(1, theirs.compared)).toFixed(1)}% of parsed, ${((100 * theirs.agree) / cases.length).toFixed(1)}% of all)`,
    );
  }
  windowBench();
  await Promise.resolve();
}
