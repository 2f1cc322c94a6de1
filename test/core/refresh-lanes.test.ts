// Refreshing many profiles: one answer per requested id in the order asked, each profile's own outcome
// (a failure in words, redacted), progress as each one finishes, and at most `perServer` lists in flight
// on one server while other servers run beside it.
import { describe, expect, it } from 'vitest';
import type { Profile, ScheduleList } from '@shared/domain';
import type { RefreshProgress } from '@shared/ipc';
import { refreshMany, type RefreshManyDeps } from '@core/schedules/refresh-many';
import { AppFailure, createRedactor } from '@core/errors';

const URLS: Record<string, string> = {
  a1: 'https://Engine.example.com:443/api',
  a2: 'https://engine.example.com',
  a3: 'HTTPS://engine.example.com/',
  a4: 'https://engine.example.com:0443',
  a5: 'https://engine.example.com:443',
  b1: 'https://other.example.com:10502',
  b2: 'https://other.example.com:10502/engine',
};

function setup(options: { fail?: Record<string, unknown>; perServer?: number } = {}) {
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  const started: string[] = [];
  const release: (() => void)[] = [];
  const host = (id: string) => (URLS[id] ? new URL(URLS[id] as string).hostname.toLowerCase() : id);
  const list = async (profileId: string): Promise<ScheduleList> => {
    started.push(profileId);
    const h = host(profileId);
    inFlight.set(h, (inFlight.get(h) ?? 0) + 1);
    peak.set(h, Math.max(peak.get(h) ?? 0, inFlight.get(h) ?? 0));
    await new Promise<void>((resolve) => release.push(resolve));
    inFlight.set(h, (inFlight.get(h) ?? 0) - 1);
    const failure = options.fail?.[profileId];
    if (failure) throw failure;
    return { profileId } as ScheduleList;
  };
  const deps: RefreshManyDeps = {
    profiles: { get: (id: string) => (URLS[id] ? ({ id, apiUrl: URLS[id] } as Profile) : undefined) },
    list,
    redact: createRedactor(() => ['topsecret']),
    ...(options.perServer ? { perServer: options.perServer } : {}),
  };
  // Lets every list finish, a turn at a time, until the refresh answers.
  const drain = async <T>(p: Promise<T>): Promise<T> => {
    let settled = false;
    void p.finally(() => (settled = true));
    while (!settled) {
      release.splice(0).forEach((r) => r());
      await new Promise((r) => setTimeout(r, 0));
    }
    return p;
  };
  return { deps, started, peak, release, drain };
}

describe('refreshMany', () => {
  it('answers each requested id in order, once per request, listing a repeated id only once', async () => {
    const { deps, started, drain } = setup();
    const progress: RefreshProgress[] = [];
    const entries = await drain(refreshMany(deps, ['b1', 'a1', 'b1', 'a2'], (p) => progress.push(p)));
    expect(entries.map((e) => [e.profileId, e.ok])).toEqual([
      ['b1', true],
      ['a1', true],
      ['b1', true],
      ['a2', true],
    ]);
    expect([...started].sort()).toEqual(['a1', 'a2', 'b1']);
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(new Set(progress.map((p) => p.entry.profileId))).toEqual(new Set(['a1', 'a2', 'b1']));
  });

  it('keeps the failure of one profile to that profile, in words, redacted, and a throwing listener harmless', async () => {
    const { deps, drain } = setup({ fail: { a1: new AppFailure('unauthorized', 'token topsecret refused'), b1: new Error('socket\nstack') } });
    const entries = await drain(
      refreshMany(deps, ['a1', 'a2', 'b1', 'missing'], () => {
        throw new Error('listener broke');
      }),
    );
    expect(entries).toEqual([
      { profileId: 'a1', ok: false, error: { kind: 'unauthorized', message: 'token *** refused' } },
      { profileId: 'a2', ok: true, value: { profileId: 'a2' } },
      { profileId: 'b1', ok: false, error: { kind: 'internal', message: 'Unexpected error while schedules:refresh: socket' } },
      { profileId: 'missing', ok: true, value: { profileId: 'missing' } },
    ]);
  });

  it('holds at most perServer lists in flight on one server (however its URL is spelled), while another server runs beside it', async () => {
    const { deps, started, peak, release, drain } = setup({ perServer: 2 });
    const done = refreshMany(deps, ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'x', 'y'], () => undefined);
    await new Promise((r) => setTimeout(r, 0));
    // Two of engine.example.com, both of other.example.com, and each unknown id in a lane of its own.
    expect([...started].sort()).toEqual(['a1', 'a2', 'b1', 'b2', 'x', 'y']);
    expect(release).toHaveLength(6);
    await drain(done);
    expect(peak.get('engine.example.com')).toBe(2);
    expect(peak.get('other.example.com')).toBe(2);
    expect(started).toHaveLength(8);
  });

  it('lists four profiles of one server at once by default', async () => {
    const { deps, started, drain } = setup();
    const done = refreshMany(deps, ['a1', 'a2', 'a3', 'a4', 'a5'], () => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['a1', 'a2', 'a3', 'a4']);
    await drain(done);
    expect(started).toHaveLength(5);
  });
});
