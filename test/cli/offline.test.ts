// When a profile's server cannot be reached, the command line works from its last saved list: it says so
// on stderr (profile, reason, when the list was saved, what to do), a plan --exit-code cannot promise 0
// or 3 and exits 1, and apply sends nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulator } from '@simulator/index';
import type { ScheduleList } from '@shared/domain';
import type { SchedulePlan } from '@shared/ipc/channels/changes';
import { removeDir, sim, tempDir } from '../core/helpers';
import { cli, printed, saveProfiles } from './helpers';

const SECRET = 'cli-Offline-8b2d&';
const env = { ATSCALE_SECRET: SECRET };
let server: Simulator;
let dir: string;
/** Prod's schedules as a document: a plan of it against Prod has no changes. */
let prodDocument: string;
/** When the saved lists were taken (the live list before the server went away). */
let savedAt: { dev: string; prod: string };
const run = (args: string[], input?: string) => cli([...args, '--data-dir', dir, '--secrets', 'memory'], { env, ...(input ? { input } : {}) });

const savedListWarning = (name: string, at: string) =>
  `warning: "${name}" could not be reached, so its last saved list was used instead of the server's (saved ${at}). Reason: `;

beforeAll(async () => {
  server = await sim({ users: { admin: SECRET } });
  dir = await tempDir('cli-offline-');
  await saveProfiles(dir, server);
  prodDocument = join(dir, 'prod.json');
  expect((await run(['export', 'Prod', '--out', prodDocument])).code).toBe(0);
  // Each live list is saved: the last one before the server goes away is the one used.
  const dev = JSON.parse((await run(['schedules', 'Dev', '--json'])).stdout) as ScheduleList;
  const prod = JSON.parse((await run(['schedules', 'Prod', '--json'])).stdout) as ScheduleList;
  savedAt = { dev: dev.fetchedAt, prod: prod.fetchedAt };
  await server.setOffline(true);
});
afterEach(() => {
  server.reset();
});
afterAll(async () => {
  expect(printed.join('\n')).not.toContain(SECRET);
  await server.setOffline(false);
  await server.close();
  await removeDir(dir);
});

describe('the command line from a saved list', { timeout: 60_000 }, () => {
  it('warns on stderr when schedules come from the saved list, with the reason, its time and what to do', async () => {
    const json = await run(['schedules', 'Dev', '--json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as ScheduleList).source).toBe('snapshot');
    expect(json.stderr).toContain(savedListWarning('Dev', savedAt.dev));
    expect(json.stderr).toContain(
      `These schedules may be out of date: run \`atscale-schedules schedules Dev --data-dir ${dir} --secrets memory\` again once it answers.`,
    );
    const human = await run(['schedules', 'Dev']);
    expect(human.code).toBe(0);
    expect(human.stderr).toContain(savedListWarning('Dev', savedAt.dev));
  });

  it('exits 1 for plan --exit-code against a saved list (never 0 "No changes"), with the plan beside the error', async () => {
    const json = await run(['plan', prodDocument, 'Prod', '--exit-code', '--json']);
    expect(json.code).toBe(1);
    const answer = JSON.parse(json.stdout) as { ok: false; error: { kind: string; message: string }; plan: SchedulePlan };
    expect(answer).toMatchObject({ ok: false, error: { kind: 'offline' }, plan: { targetSource: 'snapshot', hasChanges: false } });
    expect(answer.error.message).toContain('Cannot tell whether "Prod" has changes');
    expect(json.stderr).toContain(savedListWarning('Prod', savedAt.prod));
    expect(json.stderr).toContain('apply is refused until "Prod" answers: plan again then.');

    const human = await run(['plan', prodDocument, 'Prod', '--exit-code']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('The target could not be reached');
    expect(human.stderr).toContain(savedListWarning('Prod', savedAt.prod));
    expect(human.stderr).toContain('error: Cannot tell whether "Prod" has changes');
  });

  it('keeps plan without --exit-code as it was (exit 0, the plan on stdout) and adds the warning', async () => {
    const planned = await run(['plan', prodDocument, 'Prod', '--json']);
    expect(planned.code).toBe(0);
    expect(JSON.parse(planned.stdout)).toMatchObject({ targetSource: 'snapshot', hasChanges: false });
    expect(planned.stderr).toContain(savedListWarning('Prod', savedAt.prod));
  });

  it('warns of a source profile that comes from its saved list', async () => {
    const planned = await run(['plan', 'Dev', 'Prod', '--exit-code']);
    expect(planned.code).toBe(1);
    expect(planned.stderr).toContain(savedListWarning('Dev', savedAt.dev));
    expect(planned.stderr).toContain('The plan follows that older list: plan again once "Dev" answers.');
  });

  it('refuses apply against a saved list with exit 1, sending nothing', async () => {
    const before = server.jobs('sales-analytics', true).map((j) => j.jobId);
    const doc = JSON.parse(await readFile(prodDocument, 'utf8')) as { schedules: { expression: string }[] };
    doc.schedules.push({ expression: '0 15 2 ? * THU' });
    const applied = await run(['apply', '-', 'Prod', '--confirm-org', 'sales-analytics', '--json'], JSON.stringify(doc));
    expect(applied.code).toBe(1);
    expect(JSON.parse(applied.stdout)).toMatchObject({ ok: false, error: { kind: 'offline' } });
    expect(applied.stderr).toContain(savedListWarning('Prod', savedAt.prod));
    expect(applied.stderr).toContain('error: "Prod" cannot be reached, so nothing was sent');
    expect(server.jobs('sales-analytics', true).map((j) => j.jobId)).toEqual(before);
  });

  it('warns when an export comes from the saved list', async () => {
    const exported = await run(['export', 'Dev']);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(savedListWarning('Dev', savedAt.dev));
    expect(exported.stderr).toContain('The document may be out of date: export again once "Dev" answers.');
  });
});
