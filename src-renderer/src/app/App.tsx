// The window: sidebar of profiles, the workspace, dialogs and confirmations. Loads once; the lists and
// the clock then keep themselves current (auto-refresh.ts). Each part has its own error boundary.
import { Suspense, useEffect } from 'react';
import { useAppStore } from '../store';
import { Sidebar } from '../sidebar/Sidebar';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { Toasts } from '../common/Toasts';
import { Workspace } from './Workspace';
import { Welcome } from './Welcome';
import { Dialogs, SecretDialog } from './Dialogs';
import { useShortcuts } from './shortcuts';
import { useAutoRefresh } from './auto-refresh';

function DialogLayer() {
  const kind = useAppStore((s) => s.dialog?.kind ?? null);
  const secretPrompt = useAppStore((s) => s.secretPrompt);
  const close = useAppStore((s) => s.closeDialog);
  const closeSecret = useAppStore((s) => s.closeSecretPrompt);
  return (
    <>
      <ErrorBoundary key={kind ?? 'none'} view="This dialog" onClose={close}>
        <Dialogs />
      </ErrorBoundary>
      {secretPrompt && (
        <ErrorBoundary key={`secret-${secretPrompt}`} view="The sign-in dialog" onClose={closeSecret}>
          <Suspense fallback={null}>
            <SecretDialog profileId={secretPrompt} />
          </Suspense>
        </ErrorBoundary>
      )}
    </>
  );
}
import { onDescriptionsChanged } from '../common/schedule-info';

export function App() {
  const status = useAppStore((s) => s.profilesStatus);
  const count = useAppStore((s) => s.profiles.length);
  const error = useAppStore((s) => s.profilesError);
  const dataProblems = useAppStore((s) => s.appInfo?.dataProblems);
  useShortcuts();
  useAutoRefresh();

  useEffect(() => {
    // The shell's first commit: what mounting costs after the script ran ('app:script-start').
    performance.mark('app:mounted');
    const st = useAppStore.getState();
    void st.loadApp();
    const off = window.appEvents?.on('profiles:changed', (profiles) => useAppStore.setState({ profiles }));
    // The user's locale for descriptions arrives after the first frame: redraw as a clock tick does.
    const offWords = onDescriptionsChanged(() => useAppStore.getState().tick());
    return () => {
      off?.();
      offWords();
    };
  }, []);

  return (
    <div className="app">
      <ErrorBoundary view="The profile list">
        <Sidebar />
      </ErrorBoundary>
      <div className="main-column">
        {dataProblems && dataProblems.length > 0 && (
          <div className="banner banner-error data-problems" role="alert">
            {dataProblems.map((p) => (
              // Each reason says what could not be read and where it was kept; the name is added only if it does not.
              <p key={p.file}>{`${p.file}: ${p.reason}${p.movedTo === null || p.reason.includes(p.movedTo) ? '' : ` It was kept as ${p.movedTo}.`}`}</p>
            ))}
          </div>
        )}
        {status === 'error' && count === 0 ? (
          <main className="workspace">
            <div className="welcome">
              <h1>Could not start</h1>
              <p className="form-error" role="alert">
                {error}
              </p>
              <button type="button" className="button" onClick={() => void useAppStore.getState().loadApp()}>
                Try again
              </button>
            </div>
          </main>
        ) : status !== 'ready' && count === 0 ? (
          <main className="workspace" aria-busy="true">
            <p className="loading">Loading profiles…</p>
          </main>
        ) : count === 0 ? (
          <main className="workspace">
            <Welcome />
          </main>
        ) : (
          <ErrorBoundary view="The workspace">
            <Workspace />
          </ErrorBoundary>
        )}
      </div>
      <DialogLayer />
      <Toasts />
    </div>
  );
}
