// Redaction applies to messages and logs, never to data: a password that is also a user name or a word
// of a profile's name or notes leaves the profile exactly as saved, while error messages and the audit
// log still never show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulator } from '@simulator/index';
import type { AppCore, CoreEvent } from '@core/app-core';
import { call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const WORD = 'analytics';
let server: Simulator;
let dir: string;
let core: AppCore;
const events: CoreEvent[] = [];

beforeAll(async () => {
  server = await sim({ users: { [WORD]: WORD } });
  dir = await tempDir();
  core = await makeCore(dir);
  core.onEvent((e) => events.push(e));
});
afterAll(async () => {
  await core.close();
  await server.close();
  await removeDir(dir);
});

describe('redaction', () => {
  it('returns a profile whose name, notes and user name contain the password exactly as saved', async () => {
    const input = profileInput(server, { name: `Sales ${WORD}`, username: WORD, notes: `Owned by the ${WORD} team` });
    const saved = await call(core, 'profiles:save', { profile: input, secret: WORD, secretStorage: 'memory' });
    expect(saved).toMatchObject({ name: `Sales ${WORD}`, username: WORD, notes: `Owned by the ${WORD} team` });
    expect((await call(core, 'profiles:list', {}))[0]).toMatchObject({ name: `Sales ${WORD}`, username: WORD });
    const changed = events.filter((e) => e.event === 'profiles:changed').at(-1);
    expect(JSON.stringify(changed?.payload)).toContain(`"username":"${WORD}"`);

    // Re-saving what came back (the edit form) keeps it; the export carries it unstarred.
    const { hasSecret: _h, secretStorage: _s, demo: _d, createdAt: _c, updatedAt: _u, ...again } = saved;
    const resaved = await call(core, 'profiles:save', { profile: again });
    expect(resaved.username).toBe(WORD);
    const exported = await call(core, 'profiles:export', {});
    expect(exported.json).toContain(`"name": "Sales ${WORD}"`);
    expect(exported.json).not.toContain('***');

    // It still signs in: the user name was never corrupted.
    expect((await call(core, 'schedules:list', { profileId: saved.id })).source).toBe('live');
    const created = await call(core, 'schedules:create', { profileId: saved.id, orgId: 'default', timeExpression: '0 0 5 ? * TUE *' });
    expect(created.createdBy === '' || created.createdBy === WORD).toBe(true);
  });

  it('still keeps the password out of error messages and the audit log', async () => {
    const p = (await call(core, 'profiles:list', {}))[0]!;
    server.inject({ endpoint: 'create', action: { type: 'echo-credentials', status: 500 }, times: 1 });
    const error = await callFails(core, 'schedules:create', { profileId: p.id, orgId: 'default', timeExpression: '0 0 6 ? * TUE *' });
    expect(error.kind).toBe('server');
    expect(error.message).not.toContain(WORD);
    const audit = await readFile(join(dir, 'audit.jsonl'), 'utf8');
    const failed = audit
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { outcome: string; error: string | null })
      .filter((e) => e.outcome === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error).not.toContain(WORD);
  });
});
