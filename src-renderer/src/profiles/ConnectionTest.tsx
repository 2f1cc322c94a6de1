// "Test connection": signs in and lists schedules, then says exactly which step failed.
import { useState } from 'react';
import type { ConnectionTestResult } from '@shared/ipc';
import { call, messageOf } from '../api-client';

const STEP_WORDS: Record<string, string> = {
  dns: 'Looking up the host name',
  connect: 'Connecting to the server',
  tls: 'Checking the server certificate',
  'sign-in': 'Signing in',
  org: 'Opening the org',
  list: 'Listing schedules',
};

export function ConnectionTest({ profileId, disabledReason }: { profileId: string | undefined; disabledReason: string | null }) {
  const [state, setState] = useState<{ busy: boolean; result: ConnectionTestResult | null; error: string | null }>({ busy: false, result: null, error: null });
  const run = async () => {
    if (!profileId) return;
    setState({ busy: true, result: null, error: null });
    try {
      setState({ busy: false, result: await call('connection:test', { profileId }), error: null });
    } catch (e) {
      setState({ busy: false, result: null, error: messageOf(e) });
    }
  };
  const { result } = state;
  return (
    <div className="connection-test">
      <button type="button" className="button" onClick={() => void run()} disabled={!profileId || state.busy || disabledReason !== null} title={disabledReason ?? undefined}>
        {state.busy ? 'Testing…' : 'Test connection'}
      </button>
      <div aria-live="polite">
        {disabledReason && <span className="muted">{disabledReason}</span>}
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
