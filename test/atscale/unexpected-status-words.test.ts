// An HTTP status the app has no advice of its own for (409, 405, 418...): the words a user reads carry
// AtScale's own reason when the answer is AtScale's envelope (quoted and scrubbed like every server text),
// and blame the URL only when the answer is not AtScale's at all. Against the simulator over real sockets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOKEN, DEMO_USER, startSimulator, type Simulator } from '@simulator/index';
import { expectNoSecret, passwordClient, rejection, tokenClient } from './helpers';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ now: () => new Date('2027-03-10T12:00:00Z') });
});
afterEach(async () => {
  await sim.close();
});

const host = (): string => new URL(sim.url).host;
const URL_ADVICE = 'Check that the URL points at the AtScale engine.';

describe('an unexpected 4xx from AtScale', () => {
  it("run now answered 409 'Maintenance already running': AtScale's words, no blame on the URL", async () => {
    sim.inject({ endpoint: 'run-now', times: 1, action: { type: 'status', status: 409, message: 'Maintenance already running' } });
    const err = await rejection(tokenClient(sim).runNow());
    expect(err).toMatchObject({ kind: 'bad-response', status: 409 });
    expect(err.message).toBe(
      `Starting maintenance now in org "default" got an unexpected answer from ${host()} (HTTP 409). AtScale said: "Maintenance already running".`,
    );
    expect(err.message).not.toContain(URL_ADVICE);
  });

  it('a listing answered 405 in an envelope quotes it too', async () => {
    sim.inject({ endpoint: 'list', times: 2, action: { type: 'status', status: 405, message: 'Method not allowed for this org' } });
    const err = await rejection(tokenClient(sim, { retry: { attempts: 1 } }).listSchedules());
    expect(err.message).toBe(
      `Listing schedules for org "default" got an unexpected answer from ${host()} (HTTP 405). AtScale said: "Method not allowed for this org".`,
    );
  });

  it('an envelope without a message: no quote, no URL blame, the engine logs to look at', async () => {
    sim.inject({ endpoint: 'run-now', times: 1, action: { type: 'raw', status: 409, body: JSON.stringify({ status: { code: 409 }, response: null }) } });
    const err = await rejection(tokenClient(sim).runNow());
    expect(err.message).toBe(
      `Starting maintenance now in org "default" got an unexpected answer from ${host()} (HTTP 409). AtScale gave no reason; if it persists, check the AtScale engine logs.`,
    );
  });

  it("the server's words are scrubbed: an echoed Authorization header (token, or user:password) never reaches the message", async () => {
    sim.inject({ endpoint: 'run-now', times: 1, action: { type: 'echo-credentials', status: 409 } });
    const token = await rejection(tokenClient(sim).runNow());
    expect(token.message).toContain(' (HTTP 409). AtScale said: "Rejected request with Authorization: ');
    expect(token.message).not.toContain(URL_ADVICE);
    expectNoSecret(token);

    sim.inject({ endpoint: 'run-now', times: 1, action: { type: 'echo-credentials', status: 409 } });
    const password = await rejection(passwordClient(sim).runNow());
    expect(password.message).toContain('AtScale said: "Rejected request with Authorization: ');
    expectNoSecret(password, [DEMO_PASSWORD, DEMO_TOKEN, `${DEMO_USER}:${DEMO_PASSWORD}`]);
  });
});

describe('an unexpected 4xx that is not AtScale speaking', () => {
  it.each([
    ['plain text', 'text/plain', 'Conflict'],
    ['JSON without an envelope', 'application/json', '{"error":"conflict"}'],
    ['a JSON list', 'application/json', '[]'],
    ['an HTML page', 'text/html', '<html><body>409 Conflict</body></html>'],
  ])('%s: the URL is the thing to check, and nothing is quoted', async (_, contentType, body) => {
    sim.inject({ endpoint: 'run-now', times: 1, action: { type: 'raw', status: 409, contentType, body } });
    const err = await rejection(tokenClient(sim).runNow());
    expect(err.message).toBe(`Starting maintenance now in org "default" got an unexpected answer from ${host()} (HTTP 409). ${URL_ADVICE}`);
  });
});
