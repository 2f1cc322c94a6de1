// The expression linter runs before every write and for every listed schedule: per expression, warm,
// over a mixed corpus (impossible dates, every second, look-alike dashes, Unix cron, long garbage).
// Goal: a few ms per expression (under 5 ms), so linting a list of 1,000 schedules stays interactive.
import { lintExpression } from '@shared/cron';
import { FLAGGED_EXPRESSIONS, ORDINARY_EXPRESSIONS } from '../test/cron/lint-corpus';

const CORPUS = [...FLAGGED_EXPRESSIONS, ...ORDINARY_EXPRESSIONS];

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
