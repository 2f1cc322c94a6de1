// The command line end to end against the simulator: list, export, plan, apply, create and delete, with
// exit codes, --json answers and no secret in anything printed (even when the server echoes credentials).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulator } from '@simulator/index';
import type { Schedule, ScheduleList } from '@shared/domain';
import type { ApplyResult, SchedulePlan, SchedulesDocument } from '@shared/ipc/channels/changes';
import { removeDir, sim, tempDir } from '../core/helpers';
import { cli, printed, saveProfiles } from './helpers';

const SECRET = 'cli-Secret-4d2a?';
const env = { ATSCALE_SECRET: SECRET };
let server: Simulator;
let dir: string;
const run = (args: string[], input?: string) => cli([...args, '--data-dir', dir, '--secrets', 'memory'], { env, ...(input ? { input } : {}) });

beforeAll(async () => {
  server = await sim({ users: { admin: SECRET } });
  dir = await tempDir('cli-schedules-');
  await saveProfiles(dir, server);
});
afterEach(() => {
  server.reset();
});
afterAll(async () => {
  expect(printed.join('\n')).not.toContain(SECRET);
  await server.close();
  await removeDir(dir);
});

describe('schedules from the command line', { timeout: 60_000 }, () => {
  it("lists a profile's schedules, active and deactivated, in words and in JSON", async () => {
    const json = await run(['schedules', 'dev', '--json']);
    expect(json.code).toBe(0);
    const list = JSON.parse(json.stdout) as ScheduleList & { paused: unknown[] };
    expect(list.source).toBe('live');
    expect(
      list.schedules
        .filter((s) => s.active)
        .map((s) => s.jobId)
        .sort(),
    ).toEqual(
      server
        .jobs('default', true)
        .map((j) => j.jobId)
        .sort(),
    );
    expect(list.paused).toEqual([]);
    const human = await run(['schedules', 'Dev']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Dev (org default, server zone UTC)');
    expect(human.stdout).toMatch(/3740f5fd-a6b8-45fb-a3ab-313bf8481af3\s+active\s+\S+\s+\S+\s+0 0 4 \? \* \* \*/);
    expect(human.stdout).toMatch(/0f1e2d3c-4b5a-4697-8877-665544332211\s+deactivated/);
  });

  it('exports, plans with --exit-code 3, refuses the wrong org, applies with the confirmed org, and plans 0 after', async () => {
    const file = join(dir, 'dev-schedules.json');
    const exported = await run(['export', 'Dev', '--out', file]);
    expect(exported.code).toBe(0);
    const doc = JSON.parse(await readFile(file, 'utf8')) as SchedulesDocument;
    expect(doc).toMatchObject({ format: 'atscale-maintenance-schedules', version: 1 });
    expect(doc.schedules.map((s) => s.expression)).toEqual(server.jobs('default', true).map((j) => j.timeExpression));

    const plan = await run(['plan', file, 'Prod', '--exit-code', '--json']);
    expect(plan.code).toBe(3);
    const planned = JSON.parse(plan.stdout) as SchedulePlan;
    expect(planned).toMatchObject({ targetName: 'Prod', production: true, hasChanges: true });
    const human = await run(['plan', file, 'Prod']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('+ 0 30 1 ? * SUN *');
    expect(human.stdout).toContain('- 0 45 23 ? * SAT');
    expect(human.stdout).toContain('= 0 0 4 ? * * *');

    server.clearRequests();
    const wrong = await run(['apply', file, 'Prod', '--confirm-org', 'sales', '--json']);
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, error: { kind: 'profile-mismatch' } });
    expect(server.requests().filter((r) => r.method !== 'GET')).toEqual([]);

    const applied = await run(['apply', file, 'Prod', '--confirm-org', 'sales-analytics', '--json']);
    expect(applied.code).toBe(0);
    const result = JSON.parse(applied.stdout) as ApplyResult;
    expect(result.status).toBe('done');
    expect(
      server
        .jobs('sales-analytics', true)
        .map((j) => j.timeExpression)
        .sort(),
    ).toEqual(doc.schedules.map((s) => s.expression).sort());

    const after = await run(['plan', '-', 'Prod', '--exit-code'], JSON.stringify(doc));
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('No changes.');
  });

  it('creates after the linter passes, refuses what the linter rejects without sending it, and deletes', async () => {
    const created = await run(['create', 'Dev', '0 0 3 ? * MON', '--json']);
    expect(created.code).toBe(0);
    const job = (JSON.parse(created.stdout) as { created: Schedule }).created;
    expect(server.jobs('default', true).map((j) => j.jobId)).toContain(job.jobId);

    server.clearRequests();
    const never = await run(['create', 'Dev', '0 0 4 30 2 ?']);
    expect(never.code).toBe(1);
    expect(never.stderr).toContain('error: "0 0 4 30 2 ?" was not sent');
    expect(server.requests({ endpoint: 'create' })).toEqual([]);

    const deleted = await run(['delete', 'Dev', job.jobId]);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe(`Deleted job ${job.jobId} in "Dev".\n`);
    expect(server.jobs('default', true).map((j) => j.jobId)).not.toContain(job.jobId);
  });

  it("answers a linter refusal in --json with the verdicts and the first refusal's reason, and keeps the human words", async () => {
    server.clearRequests();
    const json = await run(['create', 'Dev', '0 0 25 * * ?', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      error: {
        kind: 'invalid-input',
        message: '"0 0 25 * * ?" was not sent: the linter refuses it: Hours: 25 is out of range 0-23.',
        verdicts: [{ code: 'invalid', severity: 'error', field: 'hours', message: 'Hours: 25 is out of range 0-23.' }],
      },
    });
    const suggested = await run(['create', 'Dev', '0 0 4 * * MON', '--json']);
    expect(suggested.code).toBe(1);
    const error = (JSON.parse(suggested.stdout) as { error: { message: string; verdicts: { field?: string; suggestion?: string }[] } }).error;
    expect(error.message).toContain('the linter refuses it: Day-of-week: day-of-month and day-of-week cannot both be restricted');
    expect(error.verdicts).toContainEqual(expect.objectContaining({ field: 'day-of-week', suggestion: '0 0 4 ? * MON' }));
    const human = await run(['create', 'Dev', '0 0 25 * * ?']);
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('');
    expect(human.stderr).toBe('error: Hours: 25 is out of range 0-23.\nerror: "0 0 25 * * ?" was not sent: the linter refuses it.\n');
    expect(server.requests({ endpoint: 'create' })).toEqual([]);
  });

  it('exits 1 and reports each step when an apply stops at a failure', async () => {
    const file = join(dir, 'two-new.json');
    await writeFile(
      file,
      JSON.stringify({ format: 'atscale-maintenance-schedules', version: 1, schedules: [{ expression: '0 0 6 ? * MON' }, { expression: '0 0 6 ? * TUE' }] }),
    );
    server.inject({ orgId: 'default', endpoint: 'create', action: { type: 'status', status: 500, message: 'scheduler full' } });
    const stopped = await run(['apply', file, 'Dev']);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('Plan for "Dev"');
    expect(stopped.stdout).toMatch(/^Stopped after 0 of \d+ steps/);
    expect(stopped.stdout).toContain('create 0 0 6 ? * MON: failed:');
    expect(stopped.stdout).toContain('create 0 0 6 ? * TUE: not sent');
  });

  it('fails with exit 1 and a redacted message when the server echoes the credentials', async () => {
    server.inject({ endpoint: 'list', action: { type: 'echo-credentials', status: 400 } });
    const echoed = await run(['schedules', 'Dev', '--json']);
    expect(echoed.code).toBe(1);
    expect(JSON.parse(echoed.stdout)).toMatchObject({ ok: false });
    expect(echoed.stdout + echoed.stderr).not.toContain(SECRET);
  });
});
