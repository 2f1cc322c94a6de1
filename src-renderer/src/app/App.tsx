// The window: sidebar of profiles, the workspace, and dialogs. Loads once, ticks the clock each minute.
import { useEffect } from 'react';
import { useAppStore } from '../store';
import { Sidebar } from '../sidebar/Sidebar';
import { Workspace } from './Workspace';
import { Welcome } from './Welcome';
import { Dialogs } from './Dialogs';
import { useShortcuts } from './shortcuts';

export function App() {
  const status = useAppStore((s) => s.profilesStatus);
  const count = useAppStore((s) => s.profiles.length);
  const error = useAppStore((s) => s.profilesError);
  const dataProblems = useAppStore((s) => s.appInfo?.dataProblems);
  useShortcuts();

  useEffect(() => {
    const st = useAppStore.getState();
    void st.loadApp();
    const timer = window.setInterval(() => useAppStore.getState().tick(), 60_000);
    const off = window.appEvents?.on('profiles:changed', (profiles) => useAppStore.setState({ profiles }));
    return () => {
      window.clearInterval(timer);
      off?.();
    };
  }, []);

  return (
    <div className="app">
      <Sidebar />
      <div className="main-column">
      {dataProblems && dataProblems.length > 0 && (
        <div className="banner banner-error data-problems" role="alert">
          {dataProblems.map((p) => (
            <p key={p.file}>
              {p.movedTo === null ? `${p.file}: ${p.reason}` : `${p.file} could not be read (${p.reason}); it was kept as ${p.movedTo}.`}
            </p>
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
        <Workspace />
      )}
      </div>
      <Dialogs />
    </div>
  );
}
