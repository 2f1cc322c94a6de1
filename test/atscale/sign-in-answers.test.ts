// Contract: the edges of what a sign-in answer may be. A token at the length limit, padded, or wrapped
// in {response} is used; one past the limit, an empty or half-JSON answer is refused as not a token; a
// gateway's envelope code or a redirect is read as that status, at the sign-in step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@simulator/index';
import { passwordClient, rejection } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

/** The next sign-in answers `body` with `status`; the client's calls then show what became of it. */
function signInAnswers(body: string, status = 200, contentType = 'text/plain'): void {
  sim.inject({ endpoint: 'auth', times: 1, action: { type: 'raw', status, contentType, body } });
}

/** The bearer token the list request carried (the simulator accepts any token it issued, so use a real one). */
async function realToken(): Promise<string> {
  const basic = Buffer.from('admin:atscale-demo').toString('base64');
  return (await fetch(`${sim.url}/default/auth`, { headers: { authorization: `Basic ${basic}` } })).text();
}

describe('sign-in answers at the edges', () => {
  it('a token in {response}, or after a byte-order mark, is the token', async () => {
    for (const body of [JSON.stringify({ response: await realToken() }), `\uFEFF${await realToken()}`]) {
      signInAnswers(body);
      await expect(passwordClient(sim).listSchedules()).resolves.toBeInstanceOf(Array);
    }
  });

  it.each([
    ['8192 characters', 'a'.repeat(8192), null],
    ['8193 characters', 'a'.repeat(8193), '8193 characters of text (a token is at most 8192)'],
    ['every b64token character, padded', 'abc+/_~.-0123==', null],
    ['"=" inside', 'abc=def', 'text with characters a bearer token never has'],
    ['an unterminated JSON string', '"abc', 'malformed JSON'],
    ['{token} that is a number', '{"token": 42}', 'JSON without a token in it'],
    ['an empty JSON string', '""', 'an empty answer'],
    ['only spaces', '   ', 'an empty answer'],
    ['a byte-order mark inside', 'abc\uFEFFdef0123', 'text with characters outside visible ASCII'],
    ['an opening HTML tag only', 'Go on at <html lang=en>', 'an HTML page'],
    ['an envelope code written as text', '{"status": {"code": "401"}}', 'JSON without a token in it'],
  ])('sign-in answered with %s: refused with the reason, or taken as the token', async (_what, body, reason) => {
    signInAnswers(body);
    const client = passwordClient(sim);
    if (reason === null) {
      await expect(client.signIn()).resolves.toBeUndefined(); // taken as the token
    } else {
      const err = await rejection(client.signIn());
      expect(err).toMatchObject({ kind: 'bad-response', status: 200, step: 'sign-in' });
      expect(err.message).toContain(`something that is not a token: ${reason}.`);
    }
  });

  it.each([
    [400, 'bad-request'],
    [403, 'unauthorized'],
    [599, 'server'],
  ])('a 200 whose envelope says %i is that status at the sign-in step', async (code, kind) => {
    signInAnswers(JSON.stringify({ status: { code }, response: null }), 200, 'application/json');
    expect(await rejection(passwordClient(sim).signIn())).toMatchObject({ kind, status: code, step: 'sign-in' });
  });

  it('a token next to an error code in the envelope is still the token', async () => {
    signInAnswers(JSON.stringify({ token: await realToken(), status: { code: 401 } }), 200, 'application/json');
    await expect(passwordClient(sim).signIn()).resolves.toBeUndefined();
  });

  it('404: the Design Center URL or the org is wrong, in those words', async () => {
    signInAnswers('{}', 404, 'application/json');
    const err = await rejection(passwordClient(sim, { orgId: 'sales' }).signIn());
    expect(err).toMatchObject({ kind: 'not-found', status: 404, step: 'sign-in' });
    expect(err.message).toBe(
      `Sign-in at ${new URL(sim.url).host} failed: not found (HTTP 404). Check the Design Center URL (usually port 10500) and that the org "sales" exists.`,
    );
  });

  it.each([399, 600])('an envelope code of %i is no HTTP error: the answer is just not a token', async (code) => {
    signInAnswers(JSON.stringify({ status: { code }, response: null }), 200, 'application/json');
    const err = await rejection(passwordClient(sim).signIn());
    expect(err).toMatchObject({ kind: 'bad-response', status: 200, step: 'sign-in' });
    expect(err.message).toContain('JSON without a token in it');
  });

  it.each([
    [300, 'bad-response', /redirected by .* redirects are not followed/],
    [302, 'bad-response', /redirected by .* redirects are not followed/],
    [500, 'server', /AtScale had a server error \(HTTP 500\)/],
    [418, 'bad-response', /unexpected answer from .*\(HTTP 418\)/],
  ])('sign-in answered %i -> %s at the sign-in step, never a token', async (status, kind, words) => {
    signInAnswers('looks-like-a-token-0123456789', status);
    const err = await rejection(passwordClient(sim, { retry: { attempts: 1 } }).signIn());
    expect(err).toMatchObject({ kind, status, step: 'sign-in' });
    expect(err.message).toMatch(/^Signing in to org "default" /);
    expect(err.message).toMatch(words);
  });
});
