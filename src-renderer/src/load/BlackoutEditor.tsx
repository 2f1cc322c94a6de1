// Blackout windows and the assumed run length of one profile: business hours on chosen weekdays in a zone,
// or a change freeze between two dates. Core validates again and keeps them in the data folder.
import { useState } from 'react';
import type { ProfileView } from '@shared/domain';
import { blackoutProblem, type Blackout } from '@shared/fleet';
import { Modal } from '../common/Modal';
import { messageOf } from '../api-client';
import { settingsOf, useFleetStore } from './fleet-store';
import { blackoutWords } from './blackout-runs';

const WEEKDAYS: [number, string][] = [
  [2, 'Mon'],
  [3, 'Tue'],
  [4, 'Wed'],
  [5, 'Thu'],
  [6, 'Fri'],
  [7, 'Sat'],
  [1, 'Sun'],
];
const DAY = 86_400_000;

interface Props {
  initialProfileId: string;
  profiles: readonly ProfileView[];
  onClose(): void;
}

export function BlackoutEditor({ initialProfileId, profiles, onClose }: Props) {
  const store = useFleetStore();
  const [profileId, setProfileId] = useState(initialProfileId);
  const profile = profiles.find((p) => p.id === profileId);
  const current = settingsOf(store.settings, profileId);
  const [draft, setDraft] = useState<Blackout[]>(current.blackouts);
  const [minutes, setMinutes] = useState(String(current.runMinutes));
  const [kind, setKind] = useState<'weekly' | 'dates'>('weekly');
  const [days, setDays] = useState<number[]>([2, 3, 4, 5, 6]);
  const [start, setStart] = useState('07:00');
  const [end, setEnd] = useState('19:00');
  const [zone, setZone] = useState(profile?.serverTimeZone ?? 'UTC');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const switchProfile = (id: string) => {
    const s = settingsOf(store.settings, id);
    setProfileId(id);
    setDraft(s.blackouts);
    setMinutes(String(s.runMinutes));
    setZone(profiles.find((p) => p.id === id)?.serverTimeZone ?? 'UTC');
    setError(null);
  };

  const candidate = (): Blackout | null => {
    const named = label.trim() ? { label: label.trim() } : {};
    if (kind === 'weekly') return { kind: 'weekly', days: [...days].sort(), start, end, timeZone: zone.trim(), ...named };
    if (!fromDate || !toDate) return null;
    // Both dates count as whole days: the freeze ends at the end of its last day.
    return { kind: 'dates', from: `${fromDate}T00:00:00.000Z`, to: new Date(Date.parse(`${toDate}T00:00:00.000Z`) + DAY).toISOString(), ...named };
  };
  const next = candidate();
  const problem = next ? blackoutProblem(next) : 'Choose the first and the last day of the freeze.';
  const runMinutes = Number(minutes);
  const minutesOk = Number.isInteger(runMinutes) && runMinutes >= 1 && runMinutes <= 1440;

  const save = async () => {
    if (!minutesOk) return;
    setSaving(true);
    setError(null);
    try {
      await store.setBlackouts(profileId, draft);
      if (runMinutes !== current.runMinutes) await store.setRunMinutes(profileId, runMinutes);
      onClose();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="Blackout windows and run length"
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={saving || !minutesOk} onClick={() => void save()}>
            Save
          </button>
        </>
      }
    >
      <div className="blackout-editor">
        <label className="inline-field">
          Profile
          <select className="input" value={profileId} onChange={(e) => switchProfile(e.target.value)}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.orgId})
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Typical run length (minutes)
          <input
            className="input narrow"
            type="number"
            min={1}
            max={1440}
            value={minutes}
            aria-invalid={!minutesOk}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
        <p className="muted small">Used for this org's runs in the load view, the conflicts and the suggested times until execution history says otherwise.</p>
        <h3>Windows</h3>
        {draft.length === 0 ? (
          <p className="muted">No blackout window: maintenance may run at any time.</p>
        ) : (
          <ul className="blackout-list">
            {draft.map((b, i) => (
              <li key={i}>
                {blackoutWords(b)}{' '}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setDraft(draft.filter((_, j) => j !== i))}
                  aria-label={`Remove ${blackoutWords(b)}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <fieldset className="blackout-new">
          <legend>Add a window</legend>
          <label>
            <input type="radio" name="blackout-kind" checked={kind === 'weekly'} onChange={() => setKind('weekly')} /> Every week (e.g. business hours)
          </label>
          <label>
            <input type="radio" name="blackout-kind" checked={kind === 'dates'} onChange={() => setKind('dates')} /> Change freeze between two dates
          </label>
          {kind === 'weekly' ? (
            <div className="blackout-fields">
              <span role="group" aria-label="Days">
                {WEEKDAYS.map(([d, name]) => (
                  <label key={d} className="day-check">
                    <input
                      type="checkbox"
                      checked={days.includes(d)}
                      onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))}
                    />{' '}
                    {name}
                  </label>
                ))}
              </span>
              <label className="inline-field">
                From
                <input className="input" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
              </label>
              <label className="inline-field">
                To
                <input className="input" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
              </label>
              <label className="inline-field">
                Zone
                <input className="input" value={zone} onChange={(e) => setZone(e.target.value)} spellCheck={false} />
              </label>
            </div>
          ) : (
            <div className="blackout-fields">
              <label className="inline-field">
                First day (UTC)
                <input className="input" type="date" value={fromDate} onChange={(e) => setFromDate(e.target.value)} />
              </label>
              <label className="inline-field">
                Last day (UTC)
                <input className="input" type="date" value={toDate} onChange={(e) => setToDate(e.target.value)} />
              </label>
            </div>
          )}
          <label className="inline-field">
            Label
            <input className="input" value={label} placeholder="e.g. Business hours" onChange={(e) => setLabel(e.target.value)} />
          </label>
          <button
            type="button"
            className="button"
            disabled={!next || problem !== null}
            onClick={() => {
              if (!next) return;
              setDraft([...draft, next]);
              setLabel('');
            }}
          >
            Add window
          </button>
          {problem && <p className="muted small">{problem}</p>}
        </fieldset>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Modal>
  );
}
