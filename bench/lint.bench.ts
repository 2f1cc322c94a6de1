// The expression linter runs before every write and for every listed schedule: per expression, warm,
// over a mixed corpus (impossible dates, every second, look-alike dashes, Unix cron, long garbage).
// Goal: a few ms per expression (under 5 ms), so linting a list of 1,000 schedules stays interactive.
import { lintExpression } from '@shared/cron';

const CORPUS = [
  '0 0 4 30 2 ?',
  '* * * ? * *',
  '0 0 4 ? * MON\u2013FRI',
  '0 0 4 5X * ?',
  '0 0 4 * * ? 2027 extra',
  '0/0 0 4 * * ?',
  '0 4 * * *',
  '0 0 4 ? * 0',
  '0 0 4 * * *',
  '0 0 25 ? * *',
  '\uff10 0 4 * * ?',
  '0 0 4 ? * MONDAY',
  '0 0 4 * * ? 2027',
  '@weekly',
  `0 0 4 ? * ${'x'.repeat(3000)}`,
  '0 0 4 ? * * *',
  '0 30 2 ? * *',
  '0 0 2 L * ?',
  '0 0 3 ? * 6#3',
  '0 15 10 15W * ?',
];

export async function run(): Promise<void> {
  const now = new Date('2026-12-01T00:00:00Z');
  const lint = (): void => {
    for (const e of CORPUS) lintExpression(e, { timeZone: 'America/New_York', now });
  };
  lint(); // loads the zone and warms the JIT
  const rounds = 20;
  const t0 = performance.now();
  for (let k = 0; k < rounds; k++) lint();
  const perExpression = (performance.now() - t0) / (rounds * CORPUS.length);
  console.log(
    `lintExpression, warm, ${CORPUS.length} mixed expressions x ${rounds}: ${perExpression.toFixed(2)} ms per expression   goal < 5 ms: ${perExpression < 5 ? 'OK' : 'OVER GOAL'}`,
  );
}
