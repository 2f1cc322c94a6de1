// The built preload (out/preload/index.cjs) is one CommonJS file that requires only 'electron', and
// exposes exactly the contract (window.api) plus event subscription (window.appEvents), never ipcRenderer.
// Built here with the project's own `electron-vite build` when missing or older than its sources.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { CHANNELS, EVENT_NAMES } from '@shared/ipc';
import { EVENT_CHANNEL } from '@shared/ipc/bridge';

const root = resolve(__dirname, '../..');
const bundle = join(root, 'out/preload/index.cjs');

function newestSource(): number {
  const dirs = ['src-preload', 'src-shared'].map((d) => join(root, d));
  const files = dirs.flatMap((d) => readdirSync(d, { recursive: true, encoding: 'utf8' }).map((n) => join(d, n)));
  return Math.max(...[...files, join(root, 'electron.vite.config.ts')].map((f) => statSync(f).mtimeMs));
}

beforeAll(() => {
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource()) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe', timeout: 180_000 });
  }
}, 200_000);

/** Runs the bundle like Electron's sandboxed preload: CommonJS, with a `require` that knows only 'electron'. */
function load(): { exposed: Map<string, unknown>; required: string[]; invoked: unknown[][]; listeners: Map<string, ((...a: unknown[]) => void)[]> } {
  const exposed = new Map<string, unknown>();
  const required: string[] = [];
  const invoked: unknown[][] = [];
  const listeners = new Map<string, ((...a: unknown[]) => void)[]>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: null };
      },
      on: (channel: string, fn: (...a: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
      removeListener: (channel: string, fn: (...a: unknown[]) => void) =>
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((f) => f !== fn),
        ),
    },
  };
  const module = { exports: {} };
  const requireFn = (name: string): unknown => {
    required.push(name);
    if (name !== 'electron') throw new Error(`the preload required "${name}"`);
    return electron;
  };
  vm.runInNewContext(readFileSync(bundle, 'utf8'), { require: requireFn, module, exports: module.exports, console });
  return { exposed, required, invoked, listeners };
}

describe('the preload bundle', () => {
  it('is CommonJS (no import/export statements) and requires only electron', () => {
    const text = readFileSync(bundle, 'utf8');
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
    expect([...text.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(load().required).toEqual(['electron']);
  });

  it('exposes exactly the contract channels as window.api and the event bridge as window.appEvents', async () => {
    const { exposed, invoked } = load();
    expect([...exposed.keys()].sort()).toEqual(['api', 'appEvents']);
    const api = exposed.get('api') as Record<string, (r?: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    await api['schedules:list']!({ profileId: 'p1' });
    await api['app:info']!();
    expect(invoked).toEqual([
      ['schedules:list', { profileId: 'p1' }],
      ['app:info', {}],
    ]);
    // Nothing that hands out ipcRenderer or its methods.
    const json = JSON.stringify(Object.keys(exposed.get('appEvents') as object));
    expect(json).toBe('["on"]');
  });

  it('delivers only the subscribed event payload (not the IPC event), and unsubscribes', () => {
    const { exposed, listeners } = load();
    const events = exposed.get('appEvents') as { on: (e: string, fn: (p: unknown) => void) => () => void };
    const got: unknown[] = [];
    const off = events.on('profiles:changed', (p) => got.push(p));
    expect(events.on('not-an-event', () => got.push('bad'))).toBeTypeOf('function');
    const emit = (message: unknown): void => (listeners.get(EVENT_CHANNEL) ?? []).forEach((fn) => fn({ sender: 'ipc-event' }, message));
    emit({ event: 'profiles:changed', payload: [{ id: 'a' }] });
    emit({ event: 'app:info-changed', payload: { demoRunning: true } });
    expect(got).toEqual([[{ id: 'a' }]]);
    off();
    emit({ event: 'profiles:changed', payload: [] });
    expect(got).toHaveLength(1);
    expect(EVENT_NAMES).toContain('profiles:changed');
  });
});
