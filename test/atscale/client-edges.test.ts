// Contract: the client's own checks and words at their edges, over a raw server: a password equal to
// the user name is never starred (the star would tell it), what a list names from another org is
// quoted short, a token profile's sign-in sends nothing, and a fault inside the client still leaves
// as an AtScaleError.
import { describe, expect, it } from 'vitest';
import { fullBacklogPort } from './full-backlog';
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

describe('requests as the server receives them', () => {
  it('a list asks for JSON with the bearer token and sends no body type; a create sends JSON', async () => {
    const client = await clientFor(answerLikeAtScale);
    await client.listSchedules();
    await client.createSchedule('0 0 4 ? * * *');
    const [list, create] = rawServer()?.received ?? [];
    expect(list?.headers).toMatchObject({ accept: 'application/json, text/plain;q=0.9', authorization: 'Bearer raw-test-token-0123456789' });
    expect(list?.headers['content-type']).toBeUndefined();
    expect(create?.headers).toMatchObject({ accept: 'application/json, text/plain;q=0.9', 'content-type': 'application/json' });
  });

  it('a job ID with anything after the UUID is refused before any request', async () => {
    const client = await clientFor(answerLikeAtScale);
    for (const id of [`${JOB}0`, `${JOB}/jobId/${JOB}`, JOB.replace(/-/g, '')]) {
      expect((await rejection(client.deleteSchedule(id))).kind).toBe('invalid-input');
    }
    expect(rawServer()?.requests).toEqual([]);
  });
});

describe('what is retried', () => {
  it('a connect that times out is not tried again, however large the retry budget', async () => {
    const blackhole = await fullBacklogPort();
    try {
      const client = await clientFor(answerLikeAtScale, {
        apiUrl: `http://127.0.0.1:${blackhole.port}`,
        timeoutMs: 200,
        retry: { attempts: 10, baseDelayMs: 1, maxDelayMs: 1 },
      });
      const started = Date.now();
      expect(await rejection(client.listSchedules())).toMatchObject({ kind: 'timeout', step: 'connect' });
      // Ten tries would take at least 2 s.
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await blackhole.close();
    }
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
