// Production guard: the user types the org ID before a change is sent.
import { useId } from 'react';

interface Props {
  orgId: string;
  value: string;
  onChange(value: string): void;
  action: string;
}

export function OrgConfirm({ orgId, value, onChange, action }: Props) {
  const id = useId();
  const matches = value.trim() === orgId;
  return (
    <div className="org-confirm">
      <label htmlFor={id}>
        This is a <strong>production</strong> profile. Type the org ID <code>{orgId}</code> to {action}.
      </label>
      <input
        id={id}
        className="input mono"
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={value !== '' && !matches}
        onChange={(e) => onChange(e.target.value)}
      />
      {value !== '' && !matches && <p className="field-error">That is not the org ID of this profile.</p>}
    </div>
  );
}
