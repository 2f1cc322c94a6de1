// The preset controls: pick a common shape and fill its few blanks.
import { ORDINALS, PRESET_LABELS, WEEKDAYS, type PresetKind, type PresetState } from './presets';

interface Props {
  preset: PresetState;
  /** The expression was edited in the builder or the raw box and no longer is this preset. */
  custom: boolean;
  onChange(preset: PresetState): void;
}

const CUSTOM = 'custom';

function KindSelect({ value, custom, onKind }: { value: PresetKind; custom: boolean; onKind(kind: PresetKind): void }) {
  return (
    <label>
      <span className="visually-hidden">Preset</span>
      <select className="input" value={custom ? CUSTOM : value} onChange={(e) => e.target.value !== CUSTOM && onKind(e.target.value as PresetKind)}>
        {custom && <option value={CUSTOM}>Custom (edited below)</option>}
        {Object.entries(PRESET_LABELS).map(([kind, label]) => (
          <option key={kind} value={kind}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function PresetPicker({ preset, custom, onChange }: Props) {
  const set = (patch: Partial<PresetState>) => onChange({ ...preset, ...patch });
  const needsTime = preset.kind !== 'every-hours';
  if (custom) {
    // Showing the old preset's blanks beside a hand-edited expression would say something false.
    return (
      <fieldset className="preset-picker">
        <legend>Preset</legend>
        <div className="preset-row">
          <KindSelect value={preset.kind} custom onKind={(kind) => set({ kind })} />
          <span className="field-hint">Pick a preset to replace the expression below.</span>
        </div>
      </fieldset>
    );
  }
  return (
    <fieldset className="preset-picker">
      <legend>Preset</legend>
      <div className="preset-row">
        <KindSelect value={preset.kind} custom={false} onKind={(kind) => set({ kind })} />
        {preset.kind === 'monthly-day' && (
          <label>
            Day
            <input
              className="input narrow"
              type="number"
              min={1}
              max={31}
              value={preset.dayOfMonth}
              onChange={(e) => set({ dayOfMonth: clamp(e.target.valueAsNumber, 1, 31) })}
            />
          </label>
        )}
        {preset.kind === 'monthly-nth' && (
          <>
            <label>
              <span className="visually-hidden">Which</span>
              <select className="input" value={preset.nth} onChange={(e) => set({ nth: Number(e.target.value) })}>
                {ORDINALS.map((o, i) => (
                  <option key={o} value={i + 1}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span className="visually-hidden">Weekday</span>
              <select className="input" value={preset.weekday} onChange={(e) => set({ weekday: Number(e.target.value) })}>
                {WEEKDAYS.map((d) => (
                  <option key={d.value} value={d.value}>
                    {d.long}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {preset.kind === 'every-hours' && (
          <>
            <label>
              Every
              <input
                className="input narrow"
                type="number"
                min={1}
                max={23}
                value={preset.everyHours}
                onChange={(e) => set({ everyHours: clamp(e.target.valueAsNumber, 1, 23) })}
              />
              hours
            </label>
            <label>
              at minute
              <input
                className="input narrow"
                type="number"
                min={0}
                max={59}
                value={preset.atMinute}
                onChange={(e) => set({ atMinute: clamp(e.target.valueAsNumber, 0, 59) })}
              />
            </label>
          </>
        )}
        {needsTime && (
          <label>
            at
            <input className="input" type="time" value={preset.time} onChange={(e) => set({ time: e.target.value || '00:00' })} />
          </label>
        )}
      </div>
      {preset.kind === 'weekly' && (
        <div className="weekday-picks" role="group" aria-label="Days of the week">
          {WEEKDAYS.map((d) => (
            <label key={d.value} className="chip-check">
              <input
                type="checkbox"
                checked={preset.days.includes(d.value)}
                onChange={(e) => set({ days: e.target.checked ? [...preset.days, d.value] : preset.days.filter((x) => x !== d.value) })}
              />
              {d.long.slice(0, 3)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

function clamp(n: number, min: number, max: number): number {
  if (!Number.isFinite(n)) return min;
  return Math.min(max, Math.max(min, Math.round(n)));
}
