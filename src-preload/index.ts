// Exposes exactly the IPC contract as window.api; never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type Api } from '@shared/ipc';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request ?? {})]),
) as Api satisfies Api;

contextBridge.exposeInMainWorld('api', api);
