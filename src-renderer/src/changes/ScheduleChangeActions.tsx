// The selected schedule's change actions: Edit, Copy to…, Pause for an active one; Reactivate for a
// deactivated one; Resume for a paused one (with what pause did on the server).
import { useAppStore } from '../store';
import type { ScheduleSource } from '../schedule-view-types';
import { writeBlockReason } from '../schedules/write-block';
import { PAUSE_EXPLANATION } from './pause-text';
import { LintVerdicts } from '../create/LintVerdicts';
import { useExistingVerdicts } from './existing-verdicts';
import './changes.css';

export function ScheduleChangeActions({ source }: { source: ScheduleSource }) {
  const openDialog = useAppStore((s) => s.openDialog);
  const entry = useAppStore((s) => s.lists[source.profileId]);
  const blocked = writeBlockReason(entry);
  const verdicts = useExistingVerdicts(source);
  const checks = verdicts.length > 0 && (
    <LintVerdicts issues={verdicts} existing allowTooFrequent={false} onAllowTooFrequent={() => undefined} production={false} />
  );
  const key = source.key;
  const button = (label: string, onClick: () => void, extra?: { title?: string }) => (
    <button type="button" className="button" disabled={blocked !== null} title={blocked ?? extra?.title} onClick={onClick}>
      {label}
    </button>
  );
  if (source.paused) {
    return (
      <div className="change-actions" role="group" aria-label="Change this schedule">
        {checks}
        <p className="pause-explanation">{PAUSE_EXPLANATION}</p>
        {button('Resume…', () => openDialog({ kind: 'resume', key }), { title: 'Create it on the server again' })}
      </div>
    );
  }
  if (source.schedule.active === false) {
    return (
      <div className="change-actions" role="group" aria-label="Change this schedule">
        {button('Reactivate…', () => openDialog({ kind: 'reactivate', key }), { title: 'Create this expression again as a new job' })}
      </div>
    );
  }
  return (
    <div className="change-actions" role="group" aria-label="Change this schedule">
      {checks}
      {button('Edit…', () => openDialog({ kind: 'edit', key }), { title: 'Change the time: the new schedule is created, then the old one deleted' })}
      {button('Copy to…', () => openDialog({ kind: 'copy', keys: [key] }), { title: 'Copy to other profiles' })}
      {button('Pause…', () => openDialog({ kind: 'pause', key }), { title: 'Delete on the server, keep it here to resume' })}
    </div>
  );
}
