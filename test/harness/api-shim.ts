// The window.api shim the harness serves as a classic script (allowed by the page's CSP 'self').
// Each contract call becomes POST /api/<channel> carrying the per-run token in a header; push events
// arrive over Server-Sent Events as window.appEvents.
import { CHANNELS, EVENT_NAMES } from '@shared/ipc';

export const TOKEN_HEADER = 'x-harness-token';

export function apiShimScript(token: string): string {
  return `// Browser harness only: never part of the shipped app.
(() => {
  'use strict';
  const token = ${JSON.stringify(token)};
  const channels = ${JSON.stringify(CHANNELS)};
  const eventNames = ${JSON.stringify(EVENT_NAMES)};
  const api = {};
  for (const channel of channels) {
    api[channel] = async (request) => {
      try {
        const response = await fetch('/api/' + channel, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: token },
          body: JSON.stringify(request === undefined ? {} : request),
        });
        const text = await response.text();
        try { return JSON.parse(text); } catch { return { ok: false, error: { kind: 'internal', message: 'The harness answered ' + response.status + ' without JSON.' } }; }
      } catch (error) {
        return { ok: false, error: { kind: 'internal', message: 'The harness server could not be reached (' + (error && error.message || error) + ').' } };
      }
    };
  }
  const listeners = new Map();
  let source = null;
  const ensureSource = () => {
    if (source) return;
    source = new EventSource('/__harness/events?token=' + encodeURIComponent(token));
    for (const name of eventNames) {
      source.addEventListener(name, (e) => {
        let payload; try { payload = JSON.parse(e.data); } catch { return; }
        for (const l of listeners.get(name) || []) { try { l(payload); } catch (err) { console.error(err); } }
      });
    }
  };
  const appEvents = {
    on(name, listener) {
      if (!eventNames.includes(name)) throw new Error('unknown event ' + name);
      ensureSource();
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name).add(listener);
      return () => listeners.get(name).delete(listener);
    },
  };
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true });
  Object.defineProperty(window, 'appEvents', { value: Object.freeze(appEvents), enumerable: true });
})();
`;
}
