// Ctrl-C (SIGINT) or SIGTERM while a write is in flight: the command line waits for the server's answer
// and reports it (then exits 130), or on a second signal leaves at once saying the outcome is unknown and
// how to check it. The simulator holds the write's request so the signal lands while it is in flight.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator, SimHold } from '@simulator/index';
import type { Schedule } from '@shared/domain';
import { removeDir, sim, tempDir } from '../core/helpers';
import { cli, printed, saveProfiles, startCli, until, type CliChild } from './helpers';

const SECRET = 'cli-Signal-5c7e%';
const env = { ATSCALE_SECRET: SECRET };
let server: Simulator;
let dir: string;
let held: SimHold | null = null;
const start = (args: string[]): CliChild => startCli([...args, '--data-dir', dir, '--secrets', 'memory'], { env });

/** Starts the command with the simulator holding its `endpoint` request, and waits until that request is held. */
async function startHeld(args: string[], endpoint: 'create' | 'delete' | 'list'): Promise<CliChild> {
  const hold = server.hold({ orgId: 'default', endpoint });
  held = hold;
  const run = start(args);
  await until(`the ${endpoint} request to reach the simulator`, () => hold.waiting() > 0);
  return run;
}

beforeAll(async () => {
  server = await sim({ users: { admin: SECRET } });
  dir = await tempDir('cli-signals-');
  await saveProfiles(dir, server);
});
afterEach(() => {
  held?.release();
  held = null;
  server.reset();
});
afterAll(async () => {
  expect(printed.join('\n')).not.toContain(SECRET);
  await server.close();
  await removeDir(dir);
});

describe('signals while a write is in flight', { timeout: 60_000 }, () => {
  it('waits on the first Ctrl-C during a create, reports the created job, then exits 130', async () => {
    const run = await startHeld(['create', 'Dev', '0 0 5 ? * WED', '--json'], 'create');
    run.child.kill('SIGINT');
    await until('the waiting message', () => run.stderr().includes("waiting for the server's answer"));
    expect(run.stderr()).toContain(
      `Interrupted: waiting for the server's answer to the create of "0 0 5 ? * WED" in "Dev" (at most 15 s, the request's timeout). Press Ctrl-C again to leave without it.`,
    );
    held?.release();
    const result = await run.done;
    expect(result.code).toBe(130);
    const created = (JSON.parse(result.stdout) as { created: Schedule }).created;
    expect(created.timeExpression).toBe('0 0 5 ? * WED');
    expect(server.jobs('default', true).map((j) => j.jobId)).toContain(created.jobId);
  });

  it('leaves at once on a second Ctrl-C, saying the outcome is unknown and the exact command to check it', async () => {
    const run = await startHeld(['create', 'Dev', '0 0 6 ? * WED'], 'create');
    run.child.kill('SIGINT');
    await until('the waiting message', () => run.stderr().includes("waiting for the server's answer"));
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    const check = `atscale-schedules schedules Dev --data-dir ${dir} --secrets memory`;
    expect(result.stderr).toContain(
      `Left without the server's answer: the outcome of the create of "0 0 6 ? * WED" in "Dev" is unknown (the server may have done it). Check with: ${check}`,
    );
    // The server goes on to create it: the check command shows it (and the data folder was let go).
    held?.release();
    await until('the held create to be done', () => server.jobs('default', true).some((j) => j.timeExpression === '0 0 6 ? * WED'));
    const checked = await cli(check.split(' ').slice(1), { env });
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('0 0 6 ? * WED');
  });

  it('waits on SIGTERM during a delete and reports the deletion, then exits 130', async () => {
    const jobId = server.jobs('default', true)[0]!.jobId;
    const run = await startHeld(['delete', 'Dev', jobId], 'delete');
    run.child.kill('SIGTERM');
    await until('the waiting message', () => run.stderr().includes(`waiting for the server's answer to the delete of job ${jobId} in "Dev"`));
    held?.release();
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stdout).toBe(`Deleted job ${jobId} in "Dev".\n`);
    expect(server.jobs('default', true).map((j) => j.jobId)).not.toContain(jobId);
  });

  it('ends at once on Ctrl-C outside a write, as before', async () => {
    const run = await startHeld(['schedules', 'Dev'], 'list');
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code === 130 || result.signal === 'SIGINT').toBe(true);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain('waiting for the server');
  });
});
