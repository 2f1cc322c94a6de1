// Wires main's health pushes into the store while the workspace is shown: running jobs of the shown
// profiles (main polls exactly those), notifications, and a clicked notification opening its profile.
import { useEffect } from 'react';
import { useAppStore } from '../store';

export function useHealthEvents(shownProfileIds: readonly string[]): void {
  useEffect(() => {
    const st = useAppStore.getState();
    void st.loadNotificationSettings();
    const offs = [
      window.appEvents?.on('maintenance:running-changed', (state) => useAppStore.getState().setRunning(state)),
      window.appEvents?.on('notification', (n) => useAppStore.getState().addNotification(n)),
      window.appEvents?.on('notification:open-profile', ({ profileId }) => useAppStore.getState().selectProfile(profileId)),
    ];
    return () => {
      for (const off of offs) off?.();
    };
  }, []);

  const key = shownProfileIds.join('\n');
  useEffect(() => {
    const ids = key === '' ? [] : key.split('\n');
    void useAppStore.getState().watchRunning(ids);
  }, [key]);

  // Nothing is polled once the workspace is gone.
  useEffect(() => () => void useAppStore.getState().watchRunning([]), []);
}
