// Plans (copy previews and schedules-as-code) as a diff: one line per schedule, what happens to it, the
// linter's verdicts and collisions; and whether the plan may be carried out.
import type { LintIssue } from '@shared/cron';
import type { PlannedCollision, SchedulePlan } from '@shared/ipc/channels/changes';
import { gateOf } from '../create/lint-gate';

export type DiffKind = 'create' | 'delete' | 'unchanged' | 'paused';

export interface DiffLine {
  kind: DiffKind;
  /** '+' created, '-' deleted, '=' unchanged (same schedule), '‖' kept paused. */
  sign: '+' | '-' | '=' | '‖';
  expression: string;
  label?: string;
  /** What happens to it, in words. */
  note: string;
  verdicts: LintIssue[];
  collisions: PlannedCollision[];
  /** Refused by the linter even with the too-frequent override. */
  refused: boolean;
}

const SIGN = { create: '+', delete: '-', unchanged: '=', paused: '‖' } as const;

export function diffLines(plan: SchedulePlan): DiffLine[] {
  const line = (kind: DiffKind, expression: string, note: string, extra: Partial<DiffLine> = {}): DiffLine => ({
    kind,
    sign: SIGN[kind],
    expression,
    note,
    verdicts: [],
    collisions: [],
    refused: false,
    ...extra,
  });
  return [
    ...plan.create.map((c) =>
      line('create', c.expression, 'to create', {
        ...(c.label ? { label: c.label } : {}),
        verdicts: c.verdicts,
        collisions: c.collisions,
        refused: gateOf(c.verdicts, true).blocking.length > 0,
      }),
    ),
    ...plan.delete.map((x) => line('delete', x.expression, `to delete (job ${x.jobId})`)),
    ...plan.unchanged.map((u) =>
      line(
        'unchanged',
        u.expression,
        u.targetExpression === u.expression
          ? `already there (job ${u.jobId}), skipped`
          : `already there as “${u.targetExpression}” (job ${u.jobId}, same schedule), skipped`,
        u.label ? { label: u.label } : {},
      ),
    ),
    ...plan.paused.map((p) => line('paused', p.expression, 'paused in the document: not created', p.label ? { label: p.label } : {})),
  ];
}

export interface PlanGate {
  ok: boolean;
  reason: string | null;
  /** A create is too frequent and nothing else refuses it: the override would let it go. */
  needsOverride: boolean;
}

export function planGate(plan: SchedulePlan, allowTooFrequent: boolean): PlanGate {
  const gates = plan.create.map((c) => gateOf(c.verdicts, allowTooFrequent));
  const refused = plan.create.find((_, i) => (gates[i]?.blocking.length ?? 0) > 0);
  const needsOverride = gates.some((g) => g.frequent !== null && g.blocking.length === 0);
  if (plan.targetSource !== 'live')
    return {
      ok: false,
      reason: `${plan.targetName} could not be reached: this plan was made from its last saved list and cannot be carried out.`,
      needsOverride,
    };
  if (refused) return { ok: false, reason: `“${refused.expression}” is refused by the linter: change it in the source first.`, needsOverride };
  if (needsOverride && !allowTooFrequent) return { ok: false, reason: 'A schedule runs too often: tick “Allow runs this frequent” to go on.', needsOverride };
  return { ok: true, reason: null, needsOverride };
}

/** "2 to create, 1 to delete, 3 unchanged". */
export function planSummary(plan: SchedulePlan): string {
  const parts: string[] = [];
  if (plan.create.length) parts.push(`${plan.create.length} to create`);
  if (plan.delete.length) parts.push(`${plan.delete.length} to delete`);
  if (plan.unchanged.length) parts.push(`${plan.unchanged.length} unchanged`);
  if (plan.paused.length) parts.push(`${plan.paused.length} paused`);
  return parts.join(', ') || 'nothing';
}
