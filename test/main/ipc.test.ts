// The IPC door (src-main/ipc.ts) with only the Electron runtime mocked: a real core behind it. Requests
// are answered only for the app's own window, top frame, own origin; bad requests and failures cross as
// { kind, message } only; push events reach the window.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@shared/ipc';
import { EVENT_CHANNEL } from '@shared/ipc/bridge';
import type { AppCore } from '@core/app-core';
import { DEMO_PASSWORD, makeCore, profileInput, removeDir, tempDir } from '../core/helpers';

type Handler = (event: unknown, request: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  app: { on: () => undefined },
  shell: { openExternal: async () => undefined },
  protocol: { handle: () => undefined, registerSchemesAsPrivileged: () => undefined },
}));

const { registerIpc } = await import('../../src-main/ipc');

const sent: unknown[][] = [];
const contents = { send: (...args: unknown[]) => sent.push(args) };
let destroyed = false;
const window = { isDestroyed: () => destroyed, webContents: contents };
const APP_PAGE = 'app://renderer/index.html';
const fromApp = { sender: contents, senderFrame: { parent: null, url: APP_PAGE } };

let dir: string;
let core: AppCore;
let unregister: () => void;
beforeAll(async () => {
  dir = await tempDir('ipc-test-');
  core = await makeCore(dir);
  unregister = registerIpc(core, () => window as never, null);
});
afterAll(async () => {
  unregister();
  await core.close();
  await removeDir(dir);
});

const invoke = (channel: string, event: unknown, request: unknown): Promise<unknown> => {
  const handler = handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, request);
};

describe('the IPC door', () => {
  it('handles exactly the contract channels', () => {
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers the app window', async () => {
    const info = (await invoke('app:info', fromApp, {})) as { ok: boolean; value: { demoRunning: boolean } };
    expect(info).toMatchObject({ ok: true, value: { demoRunning: false } });
  });

  it.each([
    ['another web contents', { sender: { send: () => undefined }, senderFrame: { parent: null, url: APP_PAGE } }],
    ['a sub-frame of the window', { sender: contents, senderFrame: { parent: {}, url: APP_PAGE } }],
    ['a page of another origin', { sender: contents, senderFrame: { parent: null, url: 'https://evil.example/index.html' } }],
    ['a file: page', { sender: contents, senderFrame: { parent: null, url: 'file:///tmp/index.html' } }],
    ['the dev server origin when not in development', { sender: contents, senderFrame: { parent: null, url: 'http://localhost:5173/' } }],
    ['a frame that is gone', { sender: contents, senderFrame: null }],
  ])('refuses %s, without calling core', async (_label, event) => {
    const before = (await core.handlers['profiles:list']({})) as { ok: true; value: unknown[] };
    const answer = await invoke('profiles:save', event, {
      profile: profileInput({ url: 'http://127.0.0.1:1' }),
      secret: DEMO_PASSWORD,
      secretStorage: 'memory',
    });
    expect(answer).toEqual({ ok: false, error: { kind: 'internal', message: 'Refused: the request did not come from the app window.' } });
    expect(((await core.handlers['profiles:list']({})) as { ok: true; value: unknown[] }).value).toHaveLength(before.value.length);
  });

  it('refuses everything once the window is destroyed', async () => {
    destroyed = true;
    try {
      expect(await invoke('app:info', fromApp, {})).toMatchObject({ ok: false, error: { kind: 'internal' } });
    } finally {
      destroyed = false;
    }
  });

  it('validates every request: a bad one is refused as invalid-input naming the field, kind and message only', async () => {
    const bad = (await invoke('profiles:rename', fromApp, { id: 'x', name: '', extra: true })) as { ok: false; error: Record<string, unknown> };
    expect(bad.ok).toBe(false);
    expect(Object.keys(bad.error).sort()).toEqual(['kind', 'message']);
    expect(bad.error['kind']).toBe('invalid-input');
    expect(bad.error['message']).toMatch(/^name: /);
    for (const channel of CHANNELS) {
      const answer = (await invoke(channel, fromApp, 'not an object')) as { ok: boolean; error?: { kind: string } };
      expect(answer, channel).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    }
  });

  it('lets a failure cross as { kind, message } without a stack', async () => {
    const answer = (await invoke('schedules:list', fromApp, { profileId: 'no-such-profile' })) as { ok: false; error: Record<string, unknown> };
    expect(answer.ok).toBe(false);
    expect(Object.keys(answer.error).sort()).toEqual(['kind', 'message']);
    expect(answer.error['kind']).toBe('not-found');
    expect(String(answer.error['message'])).not.toMatch(/\n\s+at /);
  });

  it('pushes core events to the window on the one event channel', async () => {
    sent.length = 0;
    await invoke('profiles:save', fromApp, {
      profile: profileInput({ url: 'http://127.0.0.1:1' }, { name: 'Pushed' }),
      secret: DEMO_PASSWORD,
      secretStorage: 'memory',
    });
    const pushed = sent.find(([channel, message]) => channel === EVENT_CHANNEL && (message as { event: string }).event === 'profiles:changed');
    expect(pushed).toBeDefined();
    expect(JSON.stringify(pushed)).toContain('"Pushed"');
    expect(JSON.stringify(sent)).not.toContain(DEMO_PASSWORD);
  });

  it('trusts the dev server origin only when it is the development URL', async () => {
    const devStop = registerIpc(core, () => window as never, 'http://localhost:5173');
    try {
      const dev = { sender: contents, senderFrame: { parent: null, url: 'http://localhost:5173/' } };
      expect(await invoke('app:info', dev, {})).toMatchObject({ ok: true });
      const other = { sender: contents, senderFrame: { parent: null, url: 'http://localhost:5174/' } };
      expect(await invoke('app:info', other, {})).toMatchObject({ ok: false });
    } finally {
      devStop();
      unregister = registerIpc(core, () => window as never, null);
    }
  });
});
