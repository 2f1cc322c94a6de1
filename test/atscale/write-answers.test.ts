// Contract: what a create or a delete answers, built from the server's answer as sent (sparse answers
// filled in from what was asked), and what goes on the wire for the values a user typed loosely.
import { afterEach, describe, expect, it } from 'vitest';
import { createAtScaleClient, type AtScaleClient, type AtScaleCredentials } from '@core/atscale/index';
import { answerLikeAtScale, startRawServer, type RawServer } from './raw-server';
import { rejection } from './helpers';

let server: RawServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const JOB = '11111111-2222-4333-8444-555555555555';
const bodies: string[] = [];

async function clientAnswering(answer: unknown, credentials?: AtScaleCredentials): Promise<AtScaleClient> {
  bodies.length = 0;
  server = await startRawServer((req, res) => {
    if (req.method === 'POST' || req.method === 'DELETE') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    } else answerLikeAtScale(req, res);
  });
  return createAtScaleClient({
    apiUrl: server.url,
    orgId: 'sales',
    credentials: credentials ?? { kind: 'token', token: 'raw-test-token-0123456789' },
    retry: { attempts: 1 },
  });
}

describe('what a create answers', () => {
  it('a sparse answer: the expression asked, the envelope time, no user for a token', async () => {
    const client = await clientAnswering({ responseCreated: '2026-12-01T10:00:00.123456Z', response: { job_id: JOB } });
    expect(await client.createSchedule('  0  0 4 ?\t* *  ')).toEqual({
      jobId: JOB,
      orgId: 'sales',
      timeExpression: '0 0 4 ? * *',
      fullBuild: false,
      createdBy: '',
      createdAt: '2026-12-01T10:00:00.123Z',
      latestExecution: null,
      active: true,
    });
    expect(server?.requests.at(-1)).toBe(
      `POST /aggregates/maintenance/scheduler/jobs/orgId/sales?time_expression=0%200%204%20%3F%20*%20*&scheduler_type=time-based`,
    );
  });

  it("a sparse answer to a password user: the user who signed in; the server's own fields win when sent", async () => {
    const password = { kind: 'password', username: 'admin', password: 'raw-password-123' } as const;
    const sparse = await clientAnswering({ response: { job_id: JOB } }, password);
    expect(await sparse.createSchedule('0 0 4 ? * *')).toMatchObject({ createdBy: 'admin', createdAt: '' });
    await server?.close();
    const full = await clientAnswering(
      { response: { job_id: JOB, time_expression: '0 0 4 ? * * *', created_by_user: 'ops', created_at: 'yesterday-ish' } },
      password,
    );
    expect(await full.createSchedule('0 0 4 ? * *')).toMatchObject({ timeExpression: '0 0 4 ? * * *', createdBy: 'ops', createdAt: 'yesterday-ish' });
  });

  it('an expression Quartz refuses names the field and the problem, in one short line', async () => {
    const client = await clientAnswering({ response: { job_id: JOB } });
    const err = await rejection(client.createSchedule('0 0 25 ? * *'));
    expect(err.kind).toBe('invalid-input');
    expect(err.message).toMatch(/^"0 0 25 \? \* \*" is not a valid Quartz expression \(hours?\): /i);
    expect(server?.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('a job id the answer does not carry is a wrong shape, never a schedule', async () => {
    const client = await clientAnswering({ response: { time_expression: '0 0 4 ? * *' } });
    const err = await rejection(client.createSchedule('0 0 4 ? * *'));
    expect(err).toMatchObject({ kind: 'bad-response' });
    expect(err.message).toContain('response.job_id');
  });
});

describe('what a delete answers', () => {
  it('the server\'s words, as one short line; anything but words is just "deleted"', async () => {
    const words = await clientAnswering({ response: `successfully deleted job with Id: [${JOB}]\n${'x'.repeat(300)}` });
    const said = await words.deleteSchedule(JOB);
    expect(said.jobId).toBe(JOB);
    expect(said.message).toMatch(new RegExp(`^successfully deleted job with Id: \\[${JOB}\\] x+…$`));
    expect(Array.from(said.message)).toHaveLength(200);
    await server?.close();
    const object = await clientAnswering({ response: { deleted: true } });
    expect(await object.deleteSchedule(JOB)).toEqual({ jobId: JOB, message: 'deleted' });
  });

  it("a 2xx with only a status is a delete done, in the status's words when it has some", async () => {
    const status = await clientAnswering({ status: { code: 200, message: 'successfully deleted job' } });
    expect(await status.deleteSchedule(JOB)).toEqual({ jobId: JOB, message: 'successfully deleted job' });
    await server?.close();
    const bare = await clientAnswering({ status: { code: 200 } });
    expect(await bare.deleteSchedule(JOB)).toEqual({ jobId: JOB, message: 'deleted' });
    await server?.close();
    const empty = await clientAnswering({});
    expect(await empty.deleteSchedule(JOB)).toEqual({ jobId: JOB, message: 'deleted' });
  });

  it('a job id typed with spaces around it is trimmed, in the path and in the answer', async () => {
    const client = await clientAnswering({ response: 'ok' });
    expect((await client.deleteSchedule(`  ${JOB.toUpperCase()}  `)).jobId).toBe(JOB.toUpperCase());
    expect(server?.requests.at(-1)).toBe(`DELETE /api/1.0/aggregates/maintenance-schedule/jobs/orgId/sales/jobId/${JOB.toUpperCase()}`);
  });

  it('a job id that only contains a UUID is refused before any request', async () => {
    const client = await clientAnswering({ response: 'ok' });
    const err = await rejection(client.deleteSchedule(`x${JOB}`));
    expect(err.message).toBe(`The job ID "x${JOB}" is not a UUID (like 3740f5fd-a6b8-45fb-a3ab-313bf8481af3). Pick the job from the list again.`);
    expect(server?.requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
  });
});
