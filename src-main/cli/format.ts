// Human output: short aligned lines a person can read in a terminal. Scripts use --json instead.
import type { ProfileView, Schedule, ScheduleList } from '@shared/domain';
import type { ApplyResult, ChangeStep, ExpressionVerdict, PausedSchedule, SchedulePlan } from '@shared/ipc/channels/changes';

function pad(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

export function formatProfiles(profiles: readonly ProfileView[]): string {
  if (profiles.length === 0) return 'No profiles in this data folder. Add one in the desktop app.';
  const rows = [['NAME', 'ENVIRONMENT', 'ORG', 'SECRET', 'ID', 'API URL']];
  for (const p of profiles) rows.push([p.name, p.environment.label, p.orgId, p.secretStorage, p.id, p.apiUrl]);
  return pad(rows).join('\n');
}

/** The verdict the list attached to a schedule, when it has one (e.g. "late"). */
function healthOf(s: Schedule): string {
  const health = (s as Schedule & { health?: { verdict?: unknown } | null }).health;
  return health && typeof health.verdict === 'string' ? health.verdict : '';
}

export function formatSchedules(profile: ProfileView, list: ScheduleList, paused: readonly PausedSchedule[]): string {
  const lines = [`${profile.name} (org ${list.orgId}, server zone ${list.serverTimeZone})`];
  if (list.source === 'snapshot') lines.push(`Offline: the last saved list from ${list.fetchedAt} (${list.stale?.reason ?? 'server not reachable'}).`);
  const rows = [['JOB ID', 'STATE', 'HEALTH', 'LAST RUN', 'EXPRESSION']];
  const ordered = [...list.schedules].sort((a, b) => Number(b.active !== false) - Number(a.active !== false));
  for (const s of ordered)
    rows.push([s.jobId, s.active === false ? 'deactivated' : 'active', healthOf(s) || '-', s.latestExecution?.executedAt ?? 'never', s.timeExpression]);
  for (const p of paused) rows.push([p.jobId, p.state === 'paused' ? 'paused' : 'pausing', '-', '-', p.timeExpression]);
  lines.push(...(rows.length === 1 ? ['No schedules.'] : pad(rows)));
  return lines.join('\n');
}

function verdictLines(verdicts: readonly ExpressionVerdict[]): string[] {
  return verdicts.map((v) => `      ${v.severity}: ${v.message}${v.suggestion ? ` (suggested: ${v.suggestion})` : ''}`);
}

export function formatPlan(plan: SchedulePlan): string {
  const from = plan.source.kind === 'document' ? 'the document' : `profile "${plan.source.name}"`;
  const env = plan.production ? 'production, ' : '';
  const lines = [`Plan for "${plan.targetName}" (org ${plan.targetOrgId}, ${env}server zone ${plan.serverTimeZone}) from ${from}:`];
  if (plan.source.kind === 'profile' && plan.source.listSource === 'snapshot') lines.push(`  The source could not be reached: its last saved list is used.`);
  if (plan.source.kind === 'profile' && plan.source.serverTimeZone !== plan.serverTimeZone) {
    lines.push(`  Note: the source runs in ${plan.source.serverTimeZone}, the target in ${plan.serverTimeZone}: the same expression fires at other instants.`);
  }
  if (plan.targetSource === 'snapshot')
    lines.push('  The target could not be reached: planned against its last saved list; apply is not possible until it answers.');
  for (const c of plan.create) {
    lines.push(`  + ${c.expression}${c.label ? `   (${c.label})` : ''}${c.blocked ? '   REFUSED by the linter' : ''}`, ...verdictLines(c.verdicts));
    for (const x of c.collisions) lines.push(`      note: starts at the same time as job ${x.jobId} ("${x.expression}"), first on ${x.firstAt}`);
  }
  for (const x of plan.delete) lines.push(`  - ${x.expression}   (job ${x.jobId})`);
  for (const u of plan.unchanged)
    lines.push(`  = ${u.expression}${u.targetExpression !== u.expression ? `   (same as "${u.targetExpression}")` : ''}   (job ${u.jobId})`);
  for (const p of plan.paused) lines.push(`  ~ ${p.expression}   (paused in the document: not created)`);
  lines.push(`${plan.create.length} to create, ${plan.delete.length} to delete, ${plan.unchanged.length} unchanged.${plan.hasChanges ? '' : ' No changes.'}`);
  return lines.join('\n');
}

export function formatSteps(steps: readonly ChangeStep[]): string[] {
  return steps.map((s) => {
    const what =
      s.action === 'create'
        ? `create ${s.timeExpression ?? ''}${s.jobId ? ` -> job ${s.jobId}` : ''}`
        : `delete job ${s.jobId ?? '?'}${s.timeExpression ? ` (${s.timeExpression})` : ''}`;
    const how = s.outcome === 'ok' ? 'ok' : s.outcome === 'not-run' ? 'not sent' : `${s.outcome}: ${s.error?.message ?? ''}`;
    return `  ${what}: ${how}${s.warning ? ` (warning: ${s.warning})` : ''}`;
  });
}

export function formatApply(result: ApplyResult): string {
  if (result.status === 'changed') return `${result.message}\n${formatPlan(result.plan)}`;
  return [result.message, ...formatSteps(result.steps)].join('\n');
}
