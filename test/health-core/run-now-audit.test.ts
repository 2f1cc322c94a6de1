// Run now when the local audit record cannot be written (a full disk, a read-only folder): the server's
// answer stays the answer. A started run is a success with a warning, a lost answer stays "may have
// started", and the problem is listed in app:info.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, callFails } from '../core/helpers';
import { world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function brokenAudit(x: World): Promise<void> {
  // A folder where the audit file should be: every append fails (EISDIR).
  await rm(join(x.dir, 'audit.jsonl'), { force: true });
  await mkdir(join(x.dir, 'audit.jsonl'));
}

describe('run now with an audit record that cannot be written', () => {
  it('answers started, with a warning naming the missing record, and lists the problem', async () => {
    w = await world();
    await brokenAudit(w);
    const result = await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    expect(w.server.runningJob('default')?.triggerType).toBe('RunImmediately');
    expect(result.message).toMatch(/started/i);
    expect(result.warning).toMatch(/^Maintenance started on the server, but the local audit record could not be written: .*EISDIR/);
    const info = await call(w.core, 'app:info', {});
    expect(info.dataProblems.map((p) => p.file)).toContain('audit.jsonl');
  });

  it('a lost answer is still "may have started", never an internal error', async () => {
    w = await world();
    await brokenAudit(w);
    w.server.inject({ endpoint: 'run-now', action: { type: 'reset' }, when: 'after', times: 1 });
    const error = await callFails(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    expect(error.kind).toBe('outcome-unknown');
    expect(error.message).toContain('maintenance may have started in org "default"');
    expect(error.message).toContain('the local audit record could not be written');
    expect(w.server.requests({ endpoint: 'run-now' })).toHaveLength(1);
  });

  it('a refusal stays the refusal, with its own reason', async () => {
    w = await world();
    await brokenAudit(w);
    w.server.inject({ endpoint: 'run-now', action: { type: 'status', status: 503 } });
    const error = await callFails(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    expect(error.kind).not.toBe('internal');
    expect(error.message).toContain('Design Center APIs are not enabled');
  });
});
