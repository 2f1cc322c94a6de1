// Notifications: off until opted in (globally or per profile, kept on disk), each problem once, at most
// one per profile per hour (what comes up within the hour is sent as one when it is over), for a missed
// run, a run far longer than usual, and a profile that became unreachable.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppNotification } from '@shared/ipc';
import { createNotificationPolicy } from '@core/health/notification-policy';
import { call } from '../core/helpers';
import { DAY, HOUR, START, eventsOf, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const MIN = 60_000;

describe('notification policy', () => {
  it('coalesces: one per profile per hour, repeats of one problem dropped, the rest sent as one after the hour', () => {
    let t = START;
    const sent: AppNotification[] = [];
    const wanted = new Set(['a', 'b']);
    const policy = createNotificationPolicy({
      wants: (id) => wanted.has(id),
      profileName: (id) => `Profile ${id}`,
      now: () => new Date(t),
      emit: (n) => sent.push(n),
    });
    const problem = (key: string) => ({ kind: 'missed' as const, key, title: `missed ${key}`, body: `body ${key}` });

    policy.report('a', problem('one'));
    expect(sent.map((n) => n.title)).toEqual(['Profile a: missed one']);
    t += 10 * MIN;
    policy.report('a', problem('one')); // the same problem again: dropped
    policy.report('a', problem('two'));
    policy.report('b', problem('one')); // another profile has its own hour
    policy.report('c', problem('one')); // not opted in
    expect(sent.map((n) => n.profileId)).toEqual(['a', 'b']);
    t += 20 * MIN;
    policy.report('a', problem('three'));
    policy.flush();
    expect(sent).toHaveLength(2);

    t = START + HOUR;
    policy.flush();
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatchObject({ profileId: 'a', title: 'Profile a: 2 problems', kinds: ['missed'], at: new Date(START + HOUR).toISOString() });
    expect(sent[2]?.body).toBe('missed two. body two\nmissed three. body three');
    policy.flush();
    expect(sent).toHaveLength(3);
  });
});

describe('notifications through the core', () => {
  it('are off by default; opted in they are kept on disk, and a corrupt settings file is reported and reads as off', async () => {
    w = await world();
    expect(await call(w.core, 'notifications:get', {})).toEqual({ enabled: false, profiles: {} });
    w.server.setSchedulerPaused('default', true, { at: new Date(START - 3 * DAY) });
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(eventsOf(w, 'notification')).toEqual([]);

    await call(w.core, 'notifications:set', { profiles: { [w.profileId]: true } });
    const core = await w.restart();
    expect(await call(core, 'notifications:get', {})).toEqual({ enabled: false, profiles: { [w.profileId]: true } });
    await call(core, 'notifications:set', { enabled: true, profiles: { [w.profileId]: null } });
    expect(JSON.parse(await readFile(join(w.dir, 'notifications.json'), 'utf8'))).toEqual({ settingsVersion: 1, enabled: true, profiles: {} });

    await core.close();
    await writeFile(join(w.dir, 'notifications.json'), '{"settingsVersion": 1, "enab');
    const third = await w.restart();
    expect(await call(third, 'notifications:get', {})).toEqual({ enabled: false, profiles: {} });
    const info = await call(third, 'app:info', {});
    expect(info.dataProblems.map((p) => [p.file, p.movedTo])).toEqual([['notifications.json', 'notifications.corrupt-2026-11-28T12-00-00-000Z.json']]);
  });

  it('a missed run notifies once; a server that then goes unreachable waits out the hour and comes as its own', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    w.server.setSchedulerPaused('default', true, { at: new Date(START - 3 * DAY) });
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    const [missed] = eventsOf(w, 'notification');
    expect(eventsOf(w, 'notification')).toHaveLength(1);
    expect(missed).toMatchObject({ profileId: w.profileId, kinds: ['missed'], title: 'Sales dev: missed maintenance run' });
    expect(missed?.body).toContain('did not run');

    await w.server.setOffline(true);
    w.advance(10 * MIN);
    expect((await call(w.core, 'schedules:list', { profileId: w.profileId })).source).toBe('snapshot');
    expect(eventsOf(w, 'notification')).toHaveLength(1); // within the hour of the first
    w.advance(HOUR);
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(eventsOf(w, 'notification')).toHaveLength(2);
    expect(eventsOf(w, 'notification')[1]).toMatchObject({ kinds: ['unreachable'], title: 'Sales dev: server unreachable' });
  });

  it('a run lasting over three times its typical duration (and over 30 minutes) notifies', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(9 * MIN);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    w.advance(2 * MIN);
    expect((await call(w.core, 'maintenance:running', { profileId: w.profileId })).typicalDurationMs).toBe(11 * MIN);

    w.server.setRunDuration('default', 3 * HOUR);
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(30 * MIN); // past 3 x 11 min but not past 30 min
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(eventsOf(w, 'notification')).toEqual([]);
    w.advance(5 * MIN);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(eventsOf(w, 'notification')).toHaveLength(1);
    expect(eventsOf(w, 'notification')[0]).toMatchObject({ kinds: ['long-run'], title: 'Sales dev: maintenance running long' });
    expect(eventsOf(w, 'notification')[0]?.body).toContain('it usually takes 11 min');
  });

  it('a profile signed out while its running job is checked notifies once', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    w.server.inject({ endpoint: 'running', action: { type: 'status', status: 401 } });
    for (let i = 0; i < 2; i++) await call(w.core, 'maintenance:running', { profileId: w.profileId }).catch(() => undefined);
    expect(eventsOf(w, 'notification').map((n) => [n.kinds, n.title])).toEqual([[['signed-out'], 'Sales dev: signed out']]);
  });
});
