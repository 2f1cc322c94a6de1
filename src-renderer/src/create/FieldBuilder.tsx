// One input per Quartz field; it edits the same expression as the raw box, so both stay in sync.
import { useState } from 'react';
import type { CronField } from '@shared/cron';
import { FIELDS, joinFields, splitFields } from './expression-fields';

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
            title={`${f.hint}. For example: ${f.examples}.`}
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
