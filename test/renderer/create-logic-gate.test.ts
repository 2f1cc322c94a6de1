// Which linter verdicts block Create in the create dialog, what the blocked reason says, and when the
// frequency override is what is needed.
import { describe, expect, it } from 'vitest';
import { gateOf, lintForWrite } from '@renderer/create/lint-gate';

const now = new Date('2026-11-28T10:00:00Z');
const lint = (expression: string, existing: string[] = []) => lintForWrite(expression, { timeZone: 'UTC', now, existing });

describe('verdicts that do not block', () => {
  it('lets a schedule that stops after a given year go: that is a warning, not an error', () => {
    const issues = lint('0 0 4 ? * * 2030');
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['stops-firing', 'warning']]);
    expect(gateOf(issues, false)).toEqual({ blocking: [], frequent: null, ok: true, reason: null });
  });
});

describe('verdicts that block', () => {
  it('says why in the linter’s own words', () => {
    const issues = lint('0 0 4 ? * * 2020');
    const gate = gateOf(issues, true);
    expect(gate.ok).toBe(false);
    expect(gate.reason).toBe(issues[0]?.message);
    expect(gate.reason).toMatch(/^Year: .*never runs again/);
  });

  it('does not ask for the frequency override for a schedule that never fires', () => {
    expect(gateOf(lint('0 0 4 30 2 ?'), false).frequent).toBeNull();
  });

  it('names the blocking error, not the override, when a duplicate also runs too often', () => {
    const issues = lint('* * * ? * *', ['* * * ? * * *']);
    const gate = gateOf(issues, false);
    expect(gate.blocking.map((i) => i.code)).toEqual(['duplicate']);
    expect(gate.frequent?.code).toBe('too-frequent');
    expect(gate.reason).toMatch(/same times as the existing schedule/);
  });

  it('blocks a profile whose server zone cannot be used, as an error on the expression, whatever the override', () => {
    const issues = lintForWrite('0 0 4 ? * *', { timeZone: 'Mars/Base', now, existing: [] });
    expect(issues).toMatchObject([{ code: 'invalid', severity: 'error', field: 'expression' }]);
    const gate = gateOf(issues, true);
    expect(gate.ok).toBe(false);
    expect(gate.reason).toMatch(/^The server zone "Mars\/Base" cannot be used: /);
  });
});
