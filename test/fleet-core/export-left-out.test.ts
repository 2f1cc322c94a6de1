// The export service on its own, with a list that fails for one profile: the others are exported, the one
// left out is named with its error's kind and words, scrubbed by the core's redactor like any error message.
import { describe, expect, it } from 'vitest';
import type { Profile, ScheduleList } from '@shared/domain';
import { AppFailure } from '@core/errors';
import { createExportService } from '@core/fleet/export-service';

const SECRET = 'hunter2-very-secret';
const profile = (id: string, name: string): Profile =>
  ({
    id,
    name,
    apiUrl: `https://${id}.example.com`,
    orgId: `org-${id}`,
    environment: { kind: 'development', label: 'dev', color: '#2f9e44' },
  }) as unknown as Profile;
const PROFILES = new Map([
  ['a', profile('a', 'Alpha')],
  ['b', profile('b', 'Beta')],
  ['c', profile('c', 'Gamma')],
]);

const listOf = (id: string): ScheduleList => ({
  profileId: id,
  orgId: `org-${id}`,
  schedules: [
    {
      jobId: `job-${id}`,
      orgId: `org-${id}`,
      timeExpression: '0 0 4 ? * * *',
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'admin',
      fullBuild: false,
      active: true,
      latestExecution: null,
      health: { verdict: 'not-due', expectedAt: null, executedAt: null },
    },
  ],
  zoneHint: null,
  fetchedAt: '2026-11-28T12:00:00.000Z',
  serverTimeZone: 'UTC',
  source: 'live',
  stale: null,
});

function service(fails: Record<string, unknown>) {
  return createExportService({
    profiles: { get: (id) => PROFILES.get(id) },
    schedules: {
      list: (id) => {
        if (id in fails) return Promise.reject(fails[id]);
        return Promise.resolve(listOf(id));
      },
    },
    audit: { list: () => Promise.resolve([]) },
    settings: { get: (profileId) => ({ profileId, blackouts: [], runMinutes: 10 }) },
    now: () => new Date('2026-11-28T12:00:00.000Z'),
    redact: (text) => text.split(SECRET).join('***'),
  });
}

describe('a profile left out of an export', () => {
  it('is named with its kind and scrubbed words; an unexpected failure is an internal one, first line only', async () => {
    const exports = service({
      b: new AppFailure('keychain-unavailable', `The keychain said ${SECRET} is locked.`),
      c: new Error(`boom ${SECRET}\n    at stack line`),
    });
    const answer = await exports.csv('schedules', ['a', 'b', 'c']);
    expect(answer.rows).toBe(1);
    expect(answer.text).toContain('job-a');
    expect(answer.leftOut).toEqual([
      { profileId: 'b', name: 'Beta', kind: 'keychain-unavailable', reason: 'The keychain said *** is locked.' },
      { profileId: 'c', name: 'Gamma', kind: 'internal', reason: 'Unexpected error while exporting: boom ***' },
    ]);
    expect(answer.warning).toBe(
      '“Beta” is left out of this export: The keychain said *** is locked. “Gamma” is left out of this export: Unexpected error while exporting: boom ***',
    );
    expect(JSON.stringify(answer)).not.toContain(SECRET);
  });

  it('an export where nothing goes wrong says nothing more than before', async () => {
    const answer = await service({}).ics(['a', 'c'], '2030-01-06T00:00:00Z', '2030-01-07T00:00:00Z');
    expect(Object.keys(answer).sort()).toEqual(['events', 'text']);
    expect(answer.events).toBe(2);
  });
});
