// The seeded schedule mix (10 x 20 for the benchmark), shared by the harness seed and the standalone
// bench page so their figures compare. Platform-free: the bench page bundles it for the browser.

export const ENVIRONMENTS = [
  { kind: 'development', label: 'Development', color: '#2f9e44' },
  { kind: 'test', label: 'Test', color: '#1971c2' },
  { kind: 'staging', label: 'Staging', color: '#e67700' },
  { kind: 'production', label: 'Production', color: '#e03131' },
] as const;

/** Daily, weekdays, every 6 h, weekly, last day, 3rd Friday, every 30 min, a day of the month. */
export function expressionFor(i: number, j: number): string {
  const minute = (i * 7 + j * 13) % 60;
  const hour = (i + j * 5) % 24;
  switch (j % 8) {
    case 0:
      return `0 ${minute} ${hour} ? * * *`;
    case 1:
      return `0 ${minute} ${hour} ? * MON-FRI *`;
    case 2:
      return `0 ${minute} 0/6 ? * * *`;
    case 3:
      return `0 ${minute} ${hour} ? * SUN *`;
    case 4:
      return `0 ${minute} ${hour} L * ?`;
    case 5:
      return `0 ${minute} ${hour} ? * 6#3 *`;
    case 6:
      return `0 0/30 * ? * * *`;
    default:
      return `0 ${minute} ${hour} ${1 + ((i + j) % 28)} * ? *`;
  }
}
