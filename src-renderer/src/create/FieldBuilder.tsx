// One input per Quartz field; it edits the same expression as the raw box, so both stay in sync.
import { useState } from 'react';
import type { CronField } from '@shared/cron';

export const FIELDS: { field: CronField; label: string; hint: string }[] = [
  { field: 'seconds', label: 'Seconds', hint: '0-59' },
  { field: 'minutes', label: 'Minutes', hint: '0-59' },
  { field: 'hours', label: 'Hours', hint: '0-23' },
  { field: 'day-of-month', label: 'Day of month', hint: '1-31, L, W, ?' },
  { field: 'month', label: 'Month', hint: '1-12 or JAN-DEC' },
  { field: 'day-of-week', label: 'Day of week', hint: '1-7 (1 = Sunday), SUN-SAT, #, L, ?' },
  { field: 'year', label: 'Year (optional)', hint: '1970-2099' },
];

export function splitFields(expression: string): string[] {
  const parts = expression.trim().split(/\s+/).filter(Boolean);
  return FIELDS.map((_, i) => parts[i] ?? '');
}

/** Joins the fields; an emptied field stays empty (the validator then names it) rather than becoming '*'. */
export function joinFields(parts: string[]): string {
  const trimmed = [...parts];
  while (trimmed.length > 6 && (trimmed[trimmed.length - 1] ?? '') === '') trimmed.pop();
  return trimmed.join(' ');
}

interface Props {
  expression: string;
  invalidField: CronField | null;
  onChange(expression: string): void;
}

export function FieldBuilder({ expression, invalidField, onChange }: Props) {
  // Keep the user's own field values while they type (an emptied field must not jump to another);
  // re-split only when the expression changed from outside (raw box or preset).
  const [local, setLocal] = useState<{ parts: string[]; joined: string }>(() => ({ parts: splitFields(expression), joined: expression }));
  const parts = local.joined === expression ? local.parts : splitFields(expression);
  return (
    <fieldset className="field-builder">
      <legend>Field by field</legend>
      {FIELDS.map((f, i) => (
        <label key={f.field} className={`builder-field${invalidField === f.field ? ' invalid' : ''}`}>
          <span className="builder-label">{f.label}</span>
          <input
            className="input mono"
            value={parts[i]}
            aria-invalid={invalidField === f.field}
            title={f.hint}
            spellCheck={false}
            onChange={(e) => {
              const next = [...parts];
              next[i] = e.target.value.replace(/\s+/g, '');
              const joined = joinFields(next);
              setLocal({ parts: next, joined });
              onChange(joined);
            }}
          />
          <span className="builder-hint">{f.hint}</span>
        </label>
      ))}
    </fieldset>
  );
}
