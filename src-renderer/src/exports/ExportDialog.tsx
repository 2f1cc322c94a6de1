// Exports: iCalendar of upcoming runs, CSV of upcoming runs, of schedules (health, next run, latest
// execution) or of the audit log, for the selected profile, all profiles or a chosen set.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_EXPORT_DAYS } from '@shared/ipc/channels/exports';
import { ALL_PROFILES, useAppStore } from '../store';
import { Modal } from '../common/Modal';
import { call, messageOf } from '../api-client';
import { saveText, type SaveOutcome } from './save-text';

type What = 'ics' | 'runs' | 'schedules' | 'audit';
type Scope = 'selected' | 'all' | 'chosen';

const WHAT: { id: What; label: string }[] = [
  { id: 'ics', label: 'Upcoming runs as a calendar (.ics, for Outlook or Google Calendar)' },
  { id: 'runs', label: 'Upcoming runs as CSV' },
  { id: 'schedules', label: 'Schedules as CSV (health, next run, latest execution)' },
  { id: 'audit', label: 'Audit log as CSV' },
];
const DAY = 86_400_000;

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export function ExportDialog({ onClose }: { onClose(): void }) {
  const app = useAppStore(useShallow((s) => ({ profiles: s.profiles, selectedProfileId: s.selectedProfileId, now: s.now })));
  const single = app.selectedProfileId !== ALL_PROFILES ? app.profiles.find((p) => p.id === app.selectedProfileId) : undefined;
  const [what, setWhat] = useState<What>('ics');
  const [scope, setScope] = useState<Scope>(single ? 'selected' : 'all');
  const [chosen, setChosen] = useState<string[]>(single ? [single.id] : []);
  const [fromDay, setFromDay] = useState(isoDay(app.now));
  const [days, setDays] = useState('30');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);

  const ids = scope === 'selected' && single ? [single.id] : scope === 'all' ? app.profiles.map((p) => p.id) : chosen;
  const span = Number(days);
  const windowed = what === 'ics' || what === 'runs';
  const spanOk = Number.isInteger(span) && span >= 1 && span <= MAX_EXPORT_DAYS;
  const from = Date.parse(`${fromDay}T00:00:00Z`);
  const canExport = ids.length > 0 && !busy && (!windowed || (spanOk && Number.isFinite(from)));

  const run = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    setWarning(null);
    try {
      const window = { from: new Date(from).toISOString(), to: new Date(from + span * DAY).toISOString() };
      const stem = `atscale-${scope === 'selected' && single ? single.name.replace(/[^\w-]+/g, '-').toLowerCase() : 'profiles'}`;
      let name: string, text: string, count: string, note: string | undefined;
      if (what === 'ics') {
        const r = await call('export:ics', { profileIds: ids, ...window });
        [name, text, count, note] = [`${stem}-runs-${fromDay}.ics`, r.text, `${r.events} event${r.events === 1 ? '' : 's'}`, r.warning];
      } else {
        const r = await call('export:csv', { kind: what, profileIds: ids, ...(windowed ? window : {}) });
        [name, text, count, note] = [`${stem}-${what}${windowed ? `-${fromDay}` : ''}.csv`, r.text, `${r.rows} row${r.rows === 1 ? '' : 's'}`, r.warning];
      }
      // A profile left out or exported from its saved list is said beside the result, never dropped silently.
      setWarning(note ?? null);
      const outcome: SaveOutcome = await saveText(name, text);
      setMessage(
        outcome.how === 'saved'
          ? `Saved ${count} to ${outcome.path}.`
          : outcome.how === 'downloaded'
            ? `Downloaded ${outcome.name} (${count}).`
            : 'Not saved: the save dialog was cancelled.',
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="Export"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="button button-primary" disabled={!canExport} onClick={() => void run()}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </>
      }
    >
      <div className="export-dialog">
        <fieldset>
          <legend>What</legend>
          {WHAT.map((w) => (
            <label key={w.id} className="radio-line">
              <input type="radio" name="export-what" checked={what === w.id} onChange={() => setWhat(w.id)} /> {w.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Profiles</legend>
          {single && (
            <label className="radio-line">
              <input type="radio" name="export-scope" checked={scope === 'selected'} onChange={() => setScope('selected')} /> {single.name}
            </label>
          )}
          <label className="radio-line">
            <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> All profiles ({app.profiles.length})
          </label>
          <label className="radio-line">
            <input type="radio" name="export-scope" checked={scope === 'chosen'} onChange={() => setScope('chosen')} /> Choose…
          </label>
          {scope === 'chosen' && (
            <div className="export-choose">
              {app.profiles.map((p) => (
                <label key={p.id} className="radio-line">
                  <input
                    type="checkbox"
                    checked={chosen.includes(p.id)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, p.id] : chosen.filter((x) => x !== p.id))}
                  />{' '}
                  {p.name} <span className="muted small">({p.orgId})</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        {windowed && (
          <fieldset>
            <legend>Window (UTC days)</legend>
            <label className="inline-field">
              From
              <input className="input" type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
            </label>
            <label className="inline-field">
              Days
              <input
                className="input narrow"
                type="number"
                min={1}
                max={MAX_EXPORT_DAYS}
                value={days}
                aria-invalid={!spanOk}
                onChange={(e) => setDays(e.target.value)}
              />
            </label>
          </fieldset>
        )}
        <div aria-live="polite">
          {message && <p className="export-done">{message}</p>}
          {message && warning && (
            <p className="warning" data-testid="export-warning">
              {warning}
            </p>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
    </Modal>
  );
}
