// The zone hint points both ways: a server firing in a zone east of the profile's runs earlier than the
// profile expects, and the hint says so; schedules that are switched off cast no vote.
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../core/helpers';
import { DAILY_JOB, DAY, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function hintAfterTwoDays(x: World) {
  await call(x.core, 'schedules:list', { profileId: x.profileId });
  x.advance(DAY);
  return (await call(x.core, 'schedules:list', { profileId: x.profileId })).zoneHint;
}

describe('the zone hint', () => {
  it('says runs start earlier when the server fires east of the profile’s zone', async () => {
    w = await world({ sim: { timeZone: 'Europe/Berlin' } });
    const hint = await hintAfterTwoDays(w);
    expect(hint).toMatchObject({ offsetMinutes: -60 });
    expect(hint?.message).toMatch(/; this profile says UTC\. Runs start 1 h(our)? earlier than UTC expects: set the profile's server time zone to /);
  });

  it('is not given from schedules that are switched off', async () => {
    w = await world({ sim: { timeZone: 'America/New_York' } });
    expect(await hintAfterTwoDays(w)).toMatchObject({ zone: 'America/New_York' });
    await call(w.core, 'schedules:delete', { profileId: w.profileId, orgId: 'default', jobId: DAILY_JOB });
    const after = await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(after.schedules.find((s) => s.jobId === DAILY_JOB)?.active).toBe(false);
    expect(after.zoneHint).toBeNull();
  });
});
