// window.api is the only door to the main process: the preload (or the browser harness) provides it.
// window.appEvents carries main's push events; optional because a transport may not offer it.
import type { Api, EventsApi } from '@shared/ipc';

declare global {
  interface Window {
    readonly api: Api;
    readonly appEvents?: EventsApi;
  }
}

export {};
