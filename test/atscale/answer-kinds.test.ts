// Contract: which answers count as AtScale's JSON. Anything from 300 to 399 is a redirect, never read
// (even with a list in its body); a web page is named as one whatever its content type's case or
// flavour; JSON that merely contains "<" is still JSON.
import { describe, expect, it } from 'vitest';
import { answerLikeAtScale, rawServerClients, type RawHandler } from './raw-server';
import { rejection } from './helpers';

const { clientFor } = rawServerClients({ retry: { attempts: 1 } });

const JOB = '11111111-2222-4333-8444-555555555555';
const ONE_JOB = JSON.stringify({ status: { code: 200 }, response: [{ job_id: JOB, time_expression: '0 0 4 ? * * *' }] });

const listAnswers =
  (status: number, contentType: string, body: string): RawHandler =>
  (req, res) => {
    if (!(req.url?.includes('/scheduler/jobs/') && req.method === 'GET')) return answerLikeAtScale(req, res);
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  };

describe('the redirect range', () => {
  it.each([300, 308, 399])('HTTP %i with a list in its body is a redirect, never read', async (status) => {
    const client = await clientFor(listAnswers(status, 'application/json', ONE_JOB));
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'bad-response', status });
    expect(err.message).toContain(`was redirected by 127.0.0.1:`);
    expect(err.message).toContain(`(HTTP ${status}); redirects are not followed.`);
  });

  it('HTTP 299 with a list is a success, read as the list', async () => {
    const client = await clientFor(listAnswers(299, 'application/json', ONE_JOB));
    expect((await client.listSchedules()).map((s) => s.jobId)).toEqual([JOB]);
  });
});

describe('web pages and JSON', () => {
  it.each([
    ['Text/HTML; charset=utf-8', 'Please sign in'],
    ['application/xhtml+xml', 'Please sign in'],
    ['text/plain', '\n  <!doctype html><title>Sign in</title>'],
  ])('%s with %j is named as an HTML page', async (contentType, body) => {
    const client = await clientFor(listAnswers(200, contentType, body));
    const err = await rejection(client.listSchedules());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('got an HTML page from');
  });

  it('JSON whose text contains "<" is read as JSON', async () => {
    const body = JSON.stringify({
      status: { code: 200 },
      response: [{ job_id: JOB, time_expression: '0 0 4 ? * * *', created_by_user: 'ops <ops@example.com>' }],
    });
    const client = await clientFor(listAnswers(200, 'application/json', body));
    expect((await client.listSchedules()).map((s) => s.createdBy)).toEqual(['ops <ops@example.com>']);
  });
});
