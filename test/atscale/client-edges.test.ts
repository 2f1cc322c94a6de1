// Contract: the client's own checks and words at their edges, over a raw server: a password equal to
// the user name is never starred (the star would tell it), what a list names from another org is
// quoted short, a token profile's sign-in sends nothing, and a fault inside the client still leaves
// as an AtScaleError.
import { describe, expect, it } from 'vitest';
import { answerLikeAtScale, rawServerClients, type RawHandler } from './raw-server';
import { rejection } from './helpers';

const { clientFor, server: rawServer } = rawServerClients({ retry: { attempts: 1 } });

const JOB = '11111111-2222-4333-8444-555555555555';

const onList =
  (answer: RawHandler): RawHandler =>
  (req, res) =>
    req.url?.includes('/scheduler/jobs/') && req.method === 'GET' ? answer(req, res) : answerLikeAtScale(req, res);

const listing = (jobs: unknown[]): RawHandler =>
  onList((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: { code: 200 }, response: jobs }));
  });

describe('a password that is on screen anyway', () => {
  it('a password equal to the user name is not starred where the user name is quoted', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: { code: 500, message: 'quota of user operator exceeded' }, response: null }));
      }),
      { credentials: { kind: 'password', username: 'operator', password: 'operator' } },
    );
    const err = await rejection(client.listSchedules());
    expect(err.message).toContain('AtScale said: "quota of user operator exceeded".');
  });
});

describe('what a list names', () => {
  it("another org's long ID is quoted as a short excerpt", async () => {
    const org = `finance-${'x'.repeat(100)}`;
    const client = await clientFor(listing([{ job_id: JOB, time_expression: '0 0 4 ? * * *', organization_Id: org }]));
    const err = await rejection(client.listSchedules());
    expect(err.message).toContain(`got jobs of the org "${org.slice(0, 59)}…" from `);
  });

  it('a long job ID listed twice with different contents is quoted as a short excerpt', async () => {
    const id = `job-${'7'.repeat(100)}`;
    const client = await clientFor(
      listing([
        { job_id: id, time_expression: '0 0 4 ? * * *' },
        { job_id: id, time_expression: '0 0 5 ? * * *' },
      ]),
    );
    const err = await rejection(client.listSchedules());
    expect(err.message).toBe(
      `Listing schedules for org "default" got the job ${id.slice(0, 59)}… twice with different contents from ${new URL(rawServer()!.url).host}; this answer cannot be trusted. Try again.`,
    );
  });

  it('jobs that name this org, or no org, are listed under this org', async () => {
    const client = await clientFor(
      listing([
        { job_id: JOB, time_expression: '0 0 4 ? * * *', organization_Id: 'default' },
        { job_id: '22222222-2222-4333-8444-555555555555', time_expression: '0 0 5 ? * * *' },
      ]),
    );
    expect((await client.listSchedules()).map((s) => [s.jobId, s.orgId])).toEqual([
      [JOB, 'default'],
      ['22222222-2222-4333-8444-555555555555', 'default'],
    ]);
  });
});

describe('sign-in and faults inside the client', () => {
  it('signIn() with an API token sends nothing and succeeds', async () => {
    const client = await clientFor(answerLikeAtScale);
    await expect(client.signIn()).resolves.toBeUndefined();
    expect(rawServer()?.requests).toEqual([]);
  });

  it('a fault inside the client (options that are not an object) leaves as a network AtScaleError naming it', async () => {
    const client = await clientFor(answerLikeAtScale);
    const err = await rejection(client.listSchedules(null as unknown as { active?: boolean }));
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/^Unexpected failure talking to AtScale: .*null/);
    expect(rawServer()?.requests).toEqual([]);
  });
});
