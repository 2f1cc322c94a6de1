// The shared state of the one-step change dialogs (pause, resume, reactivate): typed org, override,
// busy, and the answer told truly (an unknown outcome stays unknown).
import { useState } from 'react';

export type SimpleOutcome = { tone: 'error' | 'unknown'; text: string } | null;

export function useSimpleChange() {
  const [typedOrg, setTypedOrg] = useState('');
  const [allowTooFrequent, setAllowTooFrequent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SimpleOutcome>(null);
  return { typedOrg, setTypedOrg, allowTooFrequent, setAllowTooFrequent, busy, setBusy, outcome, setOutcome };
}
