// Exposes exactly the IPC contract as window.api, and push events as window.appEvents; never ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_NAMES, type Api, type EventName, type Events, type EventsApi } from '@shared/ipc';
import { EVENT_CHANNEL } from '@shared/ipc/bridge';

const api = Object.fromEntries(CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request ?? {})])) as Api satisfies Api;

const appEvents: EventsApi = {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    if (!(EVENT_NAMES as readonly string[]).includes(event) || typeof listener !== 'function') return () => undefined;
    // The renderer gets the payload only, never the IPC event (which would expose the sender).
    const relay = (_e: IpcRendererEvent, message: { event: string; payload: unknown }): void => {
      if (message && message.event === event) listener(message.payload as Events[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('appEvents', appEvents satisfies EventsApi);
