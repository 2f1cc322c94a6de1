// Desktop notifications: the core decides what to notify (notification-policy.ts); this only shows each
// `notification` event with Electron, and a click brings the window forward and opens that profile.
import { Notification, type BrowserWindow } from 'electron';
import type { AppCore } from '@core/app-core';
import type { CoreEvent } from '@shared/ipc';
import { EVENT_CHANNEL } from '@shared/ipc/bridge';

export function showNotifications(core: AppCore, getWindow: () => BrowserWindow | null): () => void {
  // Held until closed or clicked: a notification collected by the GC loses its click handler.
  const open = new Set<Notification>();
  return core.onEvent((event) => {
    if (event.event !== 'notification' || !Notification.isSupported()) return;
    const { title, body, profileId } = event.payload;
    const shown = new Notification({ title, body });
    open.add(shown);
    shown.on('close', () => open.delete(shown));
    shown.on('click', () => {
      open.delete(shown);
      const win = getWindow();
      if (!win || win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      const request: CoreEvent = { event: 'notification:open-profile', payload: { profileId } };
      win.webContents.send(EVENT_CHANNEL, request);
    });
    shown.show();
  });
}
