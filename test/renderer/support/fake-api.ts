/// <reference lib="dom" />
// A scripted window.api (and window.appEvents) for the renderer's store: each channel answers from a
// handler the test sets, and every call is recorded, so tests can say what the store asked for.
// (The DOM lib and the renderer's window typing are referenced so the node typecheck of the tests
// can follow their imports into the store.)
import type {} from '@renderer/api';
import type { AppError, ProfileView, ListedSchedule, Schedule, ScheduleList } from '@shared/domain';
import type { Channel, EventName, Events, RequestOf, ResponseOf, Result } from '@shared/ipc';

type Handler<C extends Channel> = (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> | Result<ResponseOf<C>>;

export interface FakeApi {
  handle<C extends Channel>(channel: C, handler: Handler<C>): void;
  calls: { channel: Channel; request: unknown }[];
  callsTo(channel: Channel): unknown[];
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err(kind: AppError['kind'], message: string): Result<never> {
  return { ok: false, error: { kind, message } };
}

/** Installs a fresh fake as window.api / window.appEvents (the store reads them at call time). */
export function installFakeApi(): FakeApi {
  const handlers = new Map<Channel, (request: unknown) => unknown>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: { channel: Channel; request: unknown }[] = [];
  const api = new Proxy(
    {},
    {
      get(_target, key) {
        const channel = key as Channel;
        return async (request: unknown) => {
          calls.push({ channel, request });
          const handler = handlers.get(channel);
          if (!handler) return err('internal', `no fake answer for ${channel}`);
          return handler(request);
        };
      },
    },
  );
  const appEvents = {
    on(event: EventName, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  (globalThis as { window?: unknown }).window = { api, appEvents };
  return {
    handle(channel, handler) {
      handlers.set(channel, handler as (request: unknown) => unknown);
    },
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.request),
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

export function profile(id: string, patch: Partial<ProfileView> = {}): ProfileView {
  return {
    id,
    name: `Profile ${id}`,
    environment: { kind: 'development', label: 'Development', color: '#2f6f3e' },
    apiUrl: 'https://atscale.example.com:10502',
    authUrl: 'https://atscale.example.com:10500',
    orgId: `org-${id}`,
    signIn: 'token',
    username: 'admin',
    serverTimeZone: 'UTC',
    caCertPath: null,
    notes: '',
    demo: false,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    hasSecret: true,
    secretStorage: 'keychain',
    ...patch,
  };
}

/**
 * A profile whose id is its name, on the server a.example.com (default org, password sign-in, created
 * 2026-01-01): the profile the sidebar's and the editor's tests group, match and edit.
 */
export function namedProfile(name: string, patch: Partial<ProfileView> = {}): ProfileView {
  return profile(name, {
    name,
    environment: { kind: 'development', label: 'Development', color: '#2f9e44' },
    apiUrl: 'https://a.example.com:10502',
    authUrl: 'https://a.example.com:10500',
    orgId: 'default',
    signIn: 'password',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  });
}

export function schedule(jobId: string, timeExpression: string, patch: Partial<ListedSchedule> = {}): ListedSchedule {
  return {
    jobId,
    orgId: 'org',
    timeExpression,
    fullBuild: false,
    createdBy: 'admin',
    createdAt: '2026-11-01T00:00:00.000Z',
    latestExecution: null,
    active: true,
    health: { verdict: 'unknown', expectedAt: null, executedAt: null },
    ...patch,
  };
}

export function liveList(profileId: string, fetchedAt: Date, schedules: Schedule[]): ScheduleList {
  const listed = schedules.map((s) => ({ health: { verdict: 'unknown' as const, expectedAt: null, executedAt: null }, ...s }));
  return {
    profileId,
    orgId: `org-${profileId}`,
    schedules: listed,
    zoneHint: null,
    fetchedAt: fetchedAt.toISOString(),
    serverTimeZone: 'UTC',
    source: 'live',
    stale: null,
  };
}

export function snapshotList(profileId: string, fetchedAt: Date, schedules: Schedule[], stale: ScheduleList['stale']): ScheduleList {
  return { ...liveList(profileId, fetchedAt, schedules), source: 'snapshot', stale };
}
