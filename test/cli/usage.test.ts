// The command line's contract with scripts: exit codes, usage messages that name what is wrong, the
// default data folder, and secrets from the environment only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createAppCore } from '@core/app-core';
import type { Simulator } from '@simulator/index';
import type { ProfileView } from '@shared/domain';
import { defaultDataDir } from '../../src-main/cli/data-dir';
import { secretVariable } from '../../src-main/cli/session';
import { removeDir, sim, tempDir } from '../core/helpers';
import { cli, printed, saveProfiles } from './helpers';

// Each test spawns the real command line (about a second each, more on a loaded machine): 60 s per test.
const SECRET = 'cli-Secret-9f3b!';
let server: Simulator;
let dir: string;
let dev: ProfileView;
beforeAll(async () => {
  server = await sim({ users: { admin: SECRET } });
  dir = await tempDir('cli-usage-');
  ({ dev } = await saveProfiles(dir, server));
});
afterAll(async () => {
  expect(printed.join('\n')).not.toContain(SECRET);
  await server.close();
  await removeDir(dir);
});

describe('bad usage exits 2 and says what is wrong', { timeout: 60_000 }, () => {
  it('names a missing command, a wrong argument count, an unknown option and a bad --secrets', async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('error: no command given.');
    expect(none.stderr).toContain('Usage: atscale-schedules <command>');

    const count = await cli(['create', 'Dev', '--data-dir', dir]);
    expect(count.code).toBe(2);
    expect(count.stderr).toContain('create takes <profile> <expression>; got 1 argument.');
    expect(count.stderr).toContain('usage: atscale-schedules create <profile> <expression> [--confirm-org ORG]');

    const option = await cli(['plan', 'a', 'b', '--nope']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("'--nope'");

    const notHere = await cli(['profiles', '--confirm-org', 'x']);
    expect(notHere.code).toBe(2);
    expect(notHere.stderr).toContain('--confirm-org does not apply to profiles.');

    const secrets = await cli(['profiles', '--secrets', 'vault']);
    expect(secrets.code).toBe(2);
    expect(secrets.stderr).toContain('--secrets must be "keychain" or "memory" (got "vault").');
    expect(server.requests()).toEqual([]);
  });

  it('prints the usage with --help and exits 0, through the bin launcher and npm run cli alike', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 done, 1 failed, 2 bad usage, 3 plan has changes (plan --exit-code).');
    const npm = await new Promise<{ code: number | null; stdout: string }>((done) => {
      const child = spawn('npm', ['run', '-s', 'cli', '--', 'plan', '--help'], { cwd: resolve(__dirname, '../..'), env: process.env });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.on('close', (code) => done({ code, stdout }));
    });
    expect(npm.code).toBe(0);
    expect(npm.stdout).toContain('Usage: atscale-schedules <command>');
  });

  it('refuses a production write without --confirm-org, and an unknown profile, before anything is sent', async () => {
    const env = { ATSCALE_SECRET: SECRET };
    const prod = await cli(['delete', 'Prod', '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', '--data-dir', dir, '--secrets', 'memory'], { env });
    expect(prod.code).toBe(2);
    expect(prod.stderr).toContain('"Prod" is a production profile: confirm its org with --confirm-org');
    const unknown = await cli(['schedules', 'Staging', '--data-dir', dir, '--secrets', 'memory'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no profile "Staging" (profiles: "Dev", "Prod")');
    expect(server.requests().filter((r) => r.endpoint === 'delete')).toEqual([]);
    expect(server.jobs('sales-analytics', true).map((j) => j.jobId)).toContain('5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d');
  });
});

describe('script-facing usage errors', { timeout: 60_000 }, () => {
  const env = { ATSCALE_SECRET: SECRET };
  const run = (args: string[], input?: string) => cli([...args, '--data-dir', dir, '--secrets', 'memory'], { env, ...(input !== undefined ? { input } : {}) });

  it('refuses a single-value option given twice, naming it and both values, before anything is sent', async () => {
    server.clearRequests();
    const org = await run(['create', 'Prod', '0 50 5 ? * TUE', '--confirm-org', 'finance-prod', '--confirm-org', 'sales-analytics']);
    expect(org.code).toBe(2);
    expect(org.stderr).toContain('error: --confirm-org was given twice ("finance-prod" and "sales-analytics"); give it once, with the value you mean.');
    expect(org.stderr).toContain('usage: atscale-schedules create <profile> <expression>');
    const out = await run(['export', 'Dev', '--out', 'a.json', '--out=b.json']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--out was given twice ("a.json" and "b.json")');
    const folder = await cli(['profiles', '--data-dir', dir, '--data-dir', '/elsewhere']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`--data-dir was given twice ("${dir}" and "/elsewhere")`);
    // Whatever else is typed after --secrets may be a password: it is never repeated back.
    const secrets = await cli(['profiles', '--secrets', 'memory', '--secrets', 'Hunter2-typed-here']);
    expect(secrets.code).toBe(2);
    expect(secrets.stderr).toContain('--secrets was given twice ("memory" and (a value not shown))');
    expect(secrets.stderr).not.toContain('Hunter2');
    expect(server.requests()).toEqual([]);
    expect(server.jobs('sales-analytics', true).map((j) => j.timeExpression)).not.toContain('0 50 5 ? * TUE');
  });

  it('prints {ok:false, error:{kind:"usage"}} on stdout for usage errors with --json, the words staying on stderr', async () => {
    const unknown = await run(['schedules', 'nosuch', '--json']);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout)).toEqual({ ok: false, error: { kind: 'usage', message: 'there is no profile "nosuch" (profiles: "Dev", "Prod").' } });
    expect(unknown.stderr).toContain('error: there is no profile "nosuch"');
    const unconfirmed = await run(['delete', 'Prod', '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', '--json']);
    expect(unconfirmed.code).toBe(2);
    expect(JSON.parse(unconfirmed.stdout)).toMatchObject({ ok: false, error: { kind: 'usage', message: expect.stringContaining('--confirm-org') } });
    const parse = await cli(['plan', 'a', '--json', '--nope']);
    expect(parse.code).toBe(2);
    expect(JSON.parse(parse.stdout)).toMatchObject({ ok: false, error: { kind: 'usage', message: expect.stringContaining("'--nope'") } });
  });

  it('calls a blank argument or an empty document bad usage, naming it and what it should hold', async () => {
    const expression = await run(['create', 'Dev', '']);
    expect(expression.code).toBe(2);
    expect(expression.stderr).toContain('error: create: <expression> is empty; give a Quartz cron expression, e.g. "0 0 4 ? * *".');
    const job = await run(['delete', 'Dev', '  ', '--json']);
    expect(job.code).toBe(2);
    expect(JSON.parse(job.stdout)).toMatchObject({
      error: { kind: 'usage', message: expect.stringContaining("delete: <job-id> is empty; give a schedule's job id") },
    });
    const profile = await run(['schedules', '']);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toContain("schedules: <profile> is empty; give a profile's name or id");
    const stdin = await run(['plan', '-', 'Dev'], '');
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain(
      'error: standard input is empty (<source> is -): pipe a schedules document (JSON, as `atscale-schedules export <profile>` prints it) into it.',
    );
    const file = join(dir, 'blank.json');
    await writeFile(file, ' \n');
    const blank = await run(['plan', file, 'Dev']);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain(`error: the document ${file} is empty: it should hold a schedules document`);
    expect(server.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('shows npm run --silent for scripts (its JSON then parses) and --allow-frequent for create and apply', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toContain('npm run --silent cli -- <command>');
    expect(help.stdout).not.toMatch(/npm run cli --/);
    const npm = await new Promise<{ code: number | null; stdout: string }>((done) => {
      const child = spawn('npm', ['run', '--silent', 'cli', '--', 'profiles', '--json', '--data-dir', dir], {
        cwd: resolve(__dirname, '../..'),
        env: process.env,
      });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.on('close', (code) => done({ code, stdout }));
    });
    expect(npm.code).toBe(0);
    expect((JSON.parse(npm.stdout) as ProfileView[]).map((p) => p.name)).toEqual(['Dev', 'Prod']);
    for (const command of ['create', 'apply']) {
      const wrong = await cli([command]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(new RegExp(`usage: atscale-schedules ${command} .*\\[--confirm-org ORG\\] \\[--allow-frequent\\]`));
    }
  });
});

describe('profiles, data folder and secrets', { timeout: 60_000 }, () => {
  it("lists profiles (human and --json) from the desktop app's data folder by default", async () => {
    const config = await tempDir('cli-xdg-');
    try {
      const appDir = join(config, 'AtScale Maintenance Scheduler');
      expect(defaultDataDir({ XDG_CONFIG_HOME: config }, 'linux', '/home/x')).toBe(appDir);
      expect(defaultDataDir({}, 'linux', '/home/x')).toBe('/home/x/.config/AtScale Maintenance Scheduler');
      expect(defaultDataDir({}, 'darwin', '/Users/x')).toBe('/Users/x/Library/Application Support/AtScale Maintenance Scheduler');
      await saveProfiles(appDir, server);
      const json = await cli(['profiles', '--json'], { env: { XDG_CONFIG_HOME: config } });
      expect(json.code).toBe(0);
      const list = JSON.parse(json.stdout) as ProfileView[];
      expect(list.map((p) => [p.name, p.environment.kind, p.orgId])).toEqual([
        ['Dev', 'development', 'default'],
        ['Prod', 'production', 'sales-analytics'],
      ]);
      const human = await cli(['profiles', '--data-dir', appDir]);
      expect(human.code).toBe(0);
      expect(human.stdout).toMatch(/^NAME\s+ENVIRONMENT\s+ORG/);
      expect(human.stdout).toMatch(/Prod\s+production\s+sales-analytics/);
    } finally {
      await removeDir(config);
    }
  });

  it("with --secrets memory, reads the profile's own variable first and says which to set when none is there", async () => {
    const missing = await cli(['schedules', 'Dev', '--data-dir', dir, '--secrets', 'memory', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`set ${secretVariable(dev.id)} (or ATSCALE_SECRET)`);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, error: { kind: 'no-secret' } });

    const own = await cli(['schedules', 'Dev', '--data-dir', dir, '--secrets', 'memory', '--json'], {
      env: { [secretVariable(dev.id)]: SECRET, ATSCALE_SECRET: 'wrong' },
    });
    expect(own.code).toBe(0);
    expect(JSON.parse(own.stdout)).toMatchObject({ source: 'live', orgId: 'default' });
  });

  it('respects the data-folder lock: exits 1 and names the holder while the app has the folder open', async () => {
    const app = await createAppCore({ dataDir: dir, secrets: 'memory' });
    try {
      const locked = await cli(['profiles', '--data-dir', dir, '--json']);
      expect(locked.code).toBe(1);
      expect(JSON.parse(locked.stdout)).toMatchObject({ ok: false, error: { kind: 'storage' } });
      expect(locked.stderr).toContain(`Another AtScale Maintenance Scheduler (pid ${process.pid}) is using ${dir}`);
    } finally {
      await app.close();
    }
    expect((await cli(['profiles', '--data-dir', dir])).code).toBe(0);
  });

  it('reads a document from a file and from standard input', async () => {
    const file = join(dir, 'schedules.json');
    await mkdir(dir, { recursive: true });
    await writeFile(file, JSON.stringify({ format: 'atscale-maintenance-schedules', version: 1, schedules: [{ expression: '0 0 4 ? * * *' }] }));
    const env = { ATSCALE_SECRET: SECRET };
    const fromFile = await cli(['plan', file, 'Dev', '--data-dir', dir, '--secrets', 'memory', '--json'], { env });
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ source: { kind: 'document' }, unchanged: [{ expression: '0 0 4 ? * * *' }] });
    const bad = await cli(['plan', '-', 'Dev', '--data-dir', dir, '--secrets', 'memory'], {
      env,
      input: '{"format":"atscale-maintenance-schedules","version":1}',
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('The schedules document is not valid: schedules:');
  });
});
