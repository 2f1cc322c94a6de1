// The schedules document a profile exports, against the simulator: its text is the document and one
// newline, it says when the schedules came from the last saved list, paused schedules of another org than
// the profile's now are left out, and a document that is JSON null is refused in words, not a crash.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { SUNDAY, world, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

describe('an exported schedules document', () => {
  it('is the document as indented JSON ending in one newline, its paused schedules marked with their labels', async () => {
    w = await world(server);
    const paused = await call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY, label: 'weekly' });
    if (paused.status !== 'paused') throw new Error(paused.message);
    const result = await call(w.core, 'changes:export', { profileId: w.dev.id });
    expect(result.json).toBe(`${JSON.stringify(result.document, null, 2)}\n`);
    expect(result.document.schedules).toEqual([
      { expression: '0 0 4 ? * * *' },
      { expression: '0 0 2 L * ?' },
      { expression: '0 30 1 ? * SUN *', label: 'weekly', paused: true },
    ]);
  });

  it('says it was made from the last saved list when the server cannot be reached', async () => {
    w = await world(server);
    await call(w.core, 'schedules:list', { profileId: w.dev.id });
    server.inject({ orgId: 'default', endpoint: 'list', action: { type: 'reset' } });
    const result = await call(w.core, 'changes:export', { profileId: w.dev.id });
    expect(result.source).toBe('snapshot');
    expect(result.document.schedules).toHaveLength(3);
  });

  it('leaves out a schedule paused in the org the profile pointed at before', async () => {
    w = await world(server);
    const paused = await call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY });
    if (paused.status !== 'paused') throw new Error(paused.message);
    await call(w.core, 'profiles:save', { profile: { ...w.dev, orgId: 'sales-analytics' } });
    const result = await call(w.core, 'changes:export', { profileId: w.dev.id });
    expect(result.document.schedules.filter((s) => s.paused)).toEqual([]);
    expect(result.document.schedules.map((s) => s.expression)).not.toContain('0 30 1 ? * SUN *');
  });
});

describe('a schedules document to plan from', () => {
  it('that is JSON null is refused as not valid, naming the document', async () => {
    w = await world(server);
    const refused = await callFails(w.core, 'changes:plan', { source: { kind: 'document', json: 'null' }, targetProfileId: w.dev.id });
    expect(refused.kind).toBe('invalid-input');
    expect(refused.message).toMatch(/^The schedules document is not valid: document: \S.*\.$/);
  });
});
