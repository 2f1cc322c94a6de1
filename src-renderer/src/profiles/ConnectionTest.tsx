// "Test connection": signs in and lists schedules with what the form holds now (saved or not), then
// says exactly which step failed. The result stays in view next to the button.
import { useState } from 'react';
import type { ConnectionTestResult, RequestOf } from '@shared/ipc';
import { call, messageOf } from '../api-client';

const STEP_WORDS: Record<string, string> = {
  dns: 'Looking up the host name',
  connect: 'Connecting to the server',
  tls: 'Checking the server certificate',
  'sign-in': 'Signing in',
  org: 'Opening the org',
  list: 'Listing schedules',
};

interface Props {
  /** What to test: the form as it is now, the typed secret, the saved profile whose secret may be used. */
  draft(): RequestOf<'connection:test-draft'>;
  /** Why the form cannot be tested yet (e.g. no API URL), or null. */
  disabledReason: string | null;
  onTested?(result: ConnectionTestResult): void;
}

export function ConnectionTest({ draft, disabledReason, onTested }: Props) {
  const [state, setState] = useState<{ busy: boolean; result: ConnectionTestResult | null; error: string | null }>({ busy: false, result: null, error: null });
  const run = async () => {
    setState({ busy: true, result: null, error: null });
    try {
      const result = await call('connection:test-draft', draft());
      setState({ busy: false, result, error: null });
      onTested?.(result);
    } catch (e) {
      setState({ busy: false, result: null, error: messageOf(e) });
    }
  };
  const { result } = state;
  return (
    <div className="connection-test">
      <button type="button" className="button" onClick={() => void run()} disabled={state.busy || disabledReason !== null} title={disabledReason ?? undefined}>
        {state.busy ? 'Testing…' : 'Test connection'}
      </button>
      <div aria-live="polite">
        {disabledReason && <span className="muted">{disabledReason}</span>}
        {state.busy && <span className="muted">Signing in and listing schedules…</span>}
        {result?.ok && (
          <span className="ok-text">
            Connected: {result.scheduleCount} schedule{result.scheduleCount === 1 ? '' : 's'} listed in {Math.round(result.elapsedMs)} ms.
          </span>
        )}
        {result && !result.ok && (
          <span className="field-error">
            {STEP_WORDS[result.step] ?? result.step} failed: {result.error.message}
          </span>
        )}
        {state.error && <span className="field-error">{state.error}</span>}
      </div>
    </div>
  );
}
