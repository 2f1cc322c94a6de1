// A schedule's health in the list: the verdict as a coloured badge; its tooltip (and the accessible
// description) says expected at, executed at and by how much, in the zone the list shows.
import { explainHealth, worstVerdict, type HealthVerdict, type ScheduleHealth } from '@shared/health';
import { formatWithZone } from '../common/time';
import { VERDICT_LABEL, VERDICT_TONE } from './verdicts';
import './health.css';

export function explainIn(health: ScheduleHealth, zone: string): string {
  return explainHealth(health, (iso) => formatWithZone(new Date(iso), zone));
}

export function HealthBadge({ health, zone }: { health: ScheduleHealth; zone: string }) {
  const why = explainIn(health, zone);
  return (
    <span className={`health-badge health-${VERDICT_TONE[health.verdict]}`} title={why} data-testid="health-badge" data-verdict={health.verdict}>
      {VERDICT_LABEL[health.verdict]}
      <span className="visually-hidden">: {why}</span>
    </span>
  );
}

/** The sidebar's dot per profile: the worst verdict of its active schedules (nothing before a list). */
export function HealthDot({ verdicts }: { verdicts: Iterable<HealthVerdict> | null }) {
  const worst = verdicts ? worstVerdict(verdicts) : null;
  if (worst === null) return null;
  const label = `Health: ${VERDICT_LABEL[worst].toLowerCase()}`;
  return (
    <span className={`health-dot health-${VERDICT_TONE[worst]}`} role="img" aria-label={label} title={label} data-testid="health-dot" data-verdict={worst} />
  );
}
