// The mixed corpus the linter is judged on: its tests (every verdict well-formed) and its benchmark
// (ms per expression) read the same expressions.

/** Each draws at least one verdict: impossible dates, every second, look-alike dashes, Unix cron, long garbage. */
export const FLAGGED_EXPRESSIONS: readonly string[] = [
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
];

/** Ordinary schedules (DST hours, L, #, W), so the benchmark also times the common case. */
export const ORDINARY_EXPRESSIONS: readonly string[] = ['0 0 4 ? * * *', '0 30 2 ? * *', '0 0 2 L * ?', '0 0 3 ? * 6#3', '0 15 10 15W * ?'];
