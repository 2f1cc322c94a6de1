// Paused schedules as the list and the views show them: a ghost row of its profile (it does not run
// while paused, and its server job is gone), and the status cell of every row.
import { describe, expect, it } from 'vitest';
import type { PausedSchedule } from '@shared/ipc/channels/changes';
import { isPausedKey, pausedKey, pausedSource, rowStatus } from '@renderer/changes/paused-sources';
import { profile } from './support/fake-api';

const prod = profile('prod', { name: 'Prod', serverTimeZone: 'America/New_York', environment: { kind: 'production', label: 'production', color: '#d9480f' } });

const entry: PausedSchedule = {
  id: 'p1',
  profileId: 'prod',
  orgId: 'org-prod',
  jobId: 'j4',
  timeExpression: '0 0 6 ? * *',
  serverTimeZone: 'Europe/Paris',
  pausedAt: '2026-11-27T09:00:00.000Z',
  state: 'paused',
};

describe('a paused schedule in the list', () => {
  it('shows as a paused row of its profile, made by this app, incremental, under its own key', () => {
    expect(pausedSource(entry, prod)).toEqual({
      key: 'prod:paused:p1',
      profileId: 'prod',
      profileName: 'Prod',
      environmentLabel: 'production',
      color: '#d9480f',
      serverTimeZone: 'Europe/Paris',
      schedule: {
        jobId: 'paused:p1',
        orgId: 'org-prod',
        timeExpression: '0 0 6 ? * *',
        fullBuild: false,
        createdBy: 'this app (paused)',
        createdAt: '2026-11-27T09:00:00.000Z',
        latestExecution: null,
        active: true,
      },
      paused: true,
      pausedId: 'p1',
    });
  });

  it('never carries the deleted server job id, so nothing can act on that job from the row', () => {
    const ghost = pausedSource(entry, prod);
    expect(ghost.schedule.jobId).not.toBe('j4');
    expect(ghost.key).not.toContain('j4');
  });

  it('falls back to the profile zone for an entry saved without one', () => {
    expect(pausedSource({ ...entry, serverTimeZone: '' }, prod).serverTimeZone).toBe('America/New_York');
  });
});

describe('the status cell', () => {
  it('says Paused for a paused row whatever its schedule says', () => {
    expect(rowStatus(pausedKey('prod', 'p1'), true)).toBe('Paused');
    expect(rowStatus(pausedKey('prod', 'p1'), false)).toBe('Paused');
  });

  it('says Deactivated only for a schedule the server reports inactive', () => {
    expect(rowStatus('prod:j4', false)).toBe('Deactivated');
    expect(rowStatus('prod:j4', true)).toBe('Active');
    expect(rowStatus('prod:j4', null)).toBe('Active');
  });

  it('tells a paused key from a server job key', () => {
    expect(isPausedKey(pausedKey('prod', 'p1'))).toBe(true);
    expect(isPausedKey('prod:j4')).toBe(false);
  });
});
