// No secret string in any file the app writes under its data folder, nor in any payload or event it
// hands to the renderer, nor in anything it logs, after a workflow through every channel including
// failed sign-ins, offline answers, exports and demo mode.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Simulator } from '@simulator/index';
import type { AppCore, CoreEvent } from '@core/app-core';
import { CHANNELS, type Channel, type RequestOf } from '@shared/ipc';
import { KEYRING_READY, filesUnder, keyringOrSkip, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const PASSWORD = `pw with space/${randomUUID()}`;
const TOKEN = `tok${randomUUID().replace(/-/g, '')}`;
const WRONG = `wrong-${randomUUID()}`;
const FORMS = [
  PASSWORD,
  TOKEN,
  WRONG,
  encodeURIComponent(PASSWORD),
  Buffer.from(`admin:${PASSWORD}`).toString('base64'),
  Buffer.from(`admin:${WRONG}`).toString('base64'),
];

let server: Simulator;
let demoServer: Simulator | null = null;
let dir: string;
let core: AppCore;
const seen: unknown[] = [];
const events: CoreEvent[] = [];

async function run<C extends Channel>(channel: C, request: RequestOf<C>): Promise<unknown> {
  const result = await core.handlers[channel](request);
  seen.push({ channel, result });
  return result.ok ? result.value : null;
}

beforeAll(async () => {
  keyringOrSkip(); // loud when the keychain half of this test falls back to memory
  server = await sim({ users: { admin: PASSWORD }, apiTokens: [TOKEN] });
  dir = await tempDir();
  core = await makeCore(dir, {
    secrets: KEYRING_READY ? 'keytar' : 'memory',
    demoServer: async () => {
      demoServer = await sim();
      return { url: demoServer.url, close: () => demoServer?.close() ?? Promise.resolve() };
    },
  });
  core.onEvent((e) => events.push(e));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await core.close();
  await server.close();
  await removeDir(dir);
});

describe('secrets never leak', () => {
  it(`after a full workflow (${KEYRING_READY ? 'keychain' : 'memory'} secrets)`, async () => {
    // Everything the app logs, on any stream, is searched too.
    const logged = [
      ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m)),
      vi.spyOn(process.stdout, 'write'),
      vi.spyOn(process.stderr, 'write'),
    ];
    const storage = KEYRING_READY ? 'keychain' : 'memory';
    const pw = (await run('profiles:save', { profile: profileInput(server, { name: 'pw' }), secret: PASSWORD, secretStorage: storage })) as { id: string };
    const tok = (await run('profiles:save', {
      profile: profileInput(server, { name: 'tok', signIn: 'token', username: '', orgId: 'sales-analytics' }),
      secret: TOKEN,
      secretStorage: storage,
    })) as { id: string };
    const bad = (await run('profiles:save', { profile: profileInput(server, { name: 'bad' }), secret: WRONG, secretStorage: storage })) as { id: string };
    expect(pw && tok && bad).toBeTruthy();
    // Saving an existing profile again with its secret (the edit form).
    const pwProfile = ((await run('profiles:list', {})) as { id: string }[]).find((p) => p.id === pw.id) as Record<string, unknown>;
    const { hasSecret: _h, secretStorage: _s, demo: _d, createdAt: _c, updatedAt: _u, ...pwInput } = pwProfile;
    await run('profiles:save', {
      profile: { ...(pwInput as RequestOf<'profiles:save'>['profile']), notes: 'edited' },
      secret: PASSWORD,
      secretStorage: storage,
    });

    // Failed sign-ins and tests.
    await run('schedules:list', { profileId: bad.id });
    await run('connection:test', { profileId: bad.id });
    await run('schedules:create', { profileId: bad.id, orgId: 'default', timeExpression: '0 0 3 ? * MON *' });
    // Working paths.
    await run('connection:test', { profileId: pw.id });
    await run('connection:test', { profileId: tok.id });
    await run('schedules:list', { profileId: pw.id });
    await run('schedules:list', { profileId: tok.id });
    const created = (await run('schedules:create', { profileId: pw.id, orgId: 'default', timeExpression: '0 0 3 ? * MON *' })) as { jobId: string };
    await run('schedules:delete', { profileId: pw.id, orgId: 'default', jobId: created.jobId });
    // Changes made of several writes: every changes:* channel, the paused store written to disk.
    const daily = '3740f5fd-a6b8-45fb-a3ab-313bf8481af3';
    await run('changes:lint', { profileId: pw.id, expressions: ['0 0 5 ? * *'] });
    await run('changes:edit', { profileId: pw.id, orgId: 'default', jobId: '9b2d7c1e-4f3a-4e8b-9c6d-2a1b0f9e8d7c', timeExpression: '0 30 2 ? * SUN *' });
    await run('changes:retry-delete', { profileId: pw.id, orgId: 'default', jobId: created.jobId, changeId: 'retry' });
    await run('changes:reactivate', { profileId: pw.id, orgId: 'default', jobId: '0f1e2d3c-4b5a-4697-8877-665544332211' });
    await run('changes:copy-preview', { sourceProfileId: pw.id, jobIds: [daily], targetProfileIds: [tok.id] });
    await run('changes:copy', { sourceProfileId: pw.id, jobIds: [daily], targets: [{ profileId: tok.id, orgId: 'sales-analytics' }] });
    await run('changes:bulk-delete', { profileId: pw.id, orgId: 'default', jobIds: ['c5e8a1b2-7d4f-4a3e-8b9c-1d2e3f4a5b6c'] });
    const paused = (await run('changes:pause', { profileId: pw.id, orgId: 'default', jobId: daily })) as { paused: { id: string } };
    await run('changes:paused-list', {});
    await run('changes:resume', { profileId: pw.id, orgId: 'default', pausedId: paused.paused.id });
    const schedulesDoc = { kind: 'document' as const, json: ((await run('changes:export', { profileId: pw.id })) as { json: string }).json };
    const plan = (await run('changes:plan', { source: schedulesDoc, targetProfileId: tok.id })) as { planId: string };
    await run('changes:apply', { source: schedulesDoc, targetProfileId: tok.id, planId: plan.planId, orgId: 'sales-analytics' });
    // A failed write (audited with its error), a token expiry (re-sign-in), an HTML error page.
    server.inject({ endpoint: 'create', action: { type: 'status', status: 500 }, times: 1 });
    await run('schedules:create', { profileId: pw.id, orgId: 'default', timeExpression: '0 0 4 ? * MON *' });
    server.expireSessions();
    server.inject({ endpoint: 'list', action: { type: 'html' }, times: 4 });
    await run('schedules:list', { profileId: pw.id });
    // Offline answers and refusals.
    await server.setOffline(true);
    await run('schedules:list', { profileId: pw.id });
    await run('schedules:list', { profileId: tok.id });
    await run('schedules:delete', { profileId: pw.id, orgId: 'default', jobId: created.jobId });
    await run('connection:test', { profileId: pw.id });
    await server.setOffline(false);
    // Profile management, export and an import that carries secrets in it.
    await run('profiles:duplicate', { id: pw.id });
    await run('profiles:rename', { id: tok.id, name: 'token profile' });
    const exported = (await run('profiles:export', {})) as { json: string };
    const doc = JSON.parse(exported.json) as { profiles: Record<string, unknown>[] };
    doc.profiles = doc.profiles.map((p) => ({ ...p, name: `${String(p['name'])} imported`, password: PASSWORD, token: TOKEN, secret: WRONG }));
    await run('profiles:import', { json: JSON.stringify(doc) });
    // A name the user typed is data: it comes back as typed even when it equals a secret (kept out of
    // `seen`, which must hold no secret by construction).
    const named = await core.handlers['profiles:import']({ json: `{"profiles": [{"name": "${WRONG}"}]}` });
    expect(named.ok && named.value.skipped.map((x) => x.name)).toEqual([WRONG]);
    // Connections: draft tests (a typed wrong secret, the stored one), org discovery, token age, the CA
    // dialog (not available here), an encrypted export and an import with a wrong passphrase.
    const serverPart = { apiUrl: server.url, authUrl: server.url, signIn: 'password' as const, username: 'admin', caCertPath: null };
    await run('connection:test-draft', { profile: profileInput(server, { name: 'draft' }), secret: WRONG });
    await run('connection:test-draft', { profile: profileInput(server, { name: 'draft', orgId: 'sales-analytics' }), profileId: pw.id });
    await run('orgs:discover', { profile: serverPart, secret: WRONG });
    await run('orgs:discover', { profile: serverPart, profileId: pw.id, orgIds: ['no-such-org'] });
    await run('tokens:check', { profileId: tok.id });
    await run('tokens:ages', {});
    await run('files:choose-ca', {});
    const sealed = (await run('profiles:export-encrypted', { passphrase: 'a passphrase for this test' })) as { json: string };
    await run('profiles:import-encrypted', { json: sealed.json, passphrase: 'not the passphrase', secretStorage: 'memory' });
    await run('files:check-ca', { path: `${dir}/no-such-ca.pem` });
    await run('secrets:set', { profileId: bad.id, secret: WRONG, storage: 'memory' });
    await run('secrets:clear', { profileId: bad.id });
    await run('audit:list', {});
    // Planning settings and exports (an export of a profile whose sign-in fails, and of working ones).
    await run('blackouts:set', { profileId: pw.id, blackouts: [{ kind: 'dates', from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z', label: 'Freeze' }] });
    await run('durations:set', { profileId: pw.id, runMinutes: 20 });
    await run('blackouts:get', {});
    await run('export:ics', { profileIds: [pw.id, tok.id], from: '2030-01-01T00:00:00Z', to: '2030-01-08T00:00:00Z' });
    await run('export:csv', { kind: 'schedules', profileIds: [bad.id] });
    await run('export:csv', { kind: 'audit', profileIds: [pw.id, bad.id] });
    await run('files:save', { suggestedName: 'runs.ics', text: 'BEGIN:VCALENDAR' });
    await run('profiles:list', {});
    await run('app:info', {});
    const demo = (await run('demo:start', {})) as { id: string }[];
    await run('schedules:list', { profileId: demo[0]!.id });
    await run('schedules:refresh', { profileIds: [pw.id, tok.id, demo[0]!.id] });
    // Health: history, the running job (asked and watched), run now (also with a wrong password), notifications.
    await run('notifications:set', { enabled: true });
    await run('notifications:get', {});
    await run('history:list', { profileId: pw.id });
    await run('maintenance:running', { profileId: bad.id });
    await run('maintenance:watch', { profileIds: [pw.id, bad.id] });
    await run('maintenance:run-now', { profileId: pw.id, orgId: 'default' });
    await run('maintenance:run-now', { profileId: bad.id, orgId: 'default' });
    await run('maintenance:running', { profileId: pw.id });
    await run('maintenance:watch', { profileIds: [] });
    await run('profiles:delete', { id: bad.id });

    expect(new Set(seen.map((s) => (s as { channel: Channel }).channel))).toEqual(new Set(CHANNELS));
    const logs = JSON.stringify(logged.map((spy) => spy.mock.calls));
    for (const form of FORMS) expect(logs.includes(form), `a log line holds a secret form: ${form.slice(0, 6)}…`).toBe(false);

    const payloads = JSON.stringify([seen, events]);
    expect(seen.length).toBeGreaterThan(25);
    expect(events.length).toBeGreaterThan(5);
    // The workflow really went through the failure paths it claims to.
    for (const trace of ['"kind":"unauthorized"', '"source":"snapshot"', '"kind":"offline"', '"step":"sign-in"', '"kind":"server"', '"skipped"']) {
      expect(payloads).toContain(trace);
    }
    for (const form of FORMS) expect(payloads.includes(form), `payload holds a secret form: ${form.slice(0, 6)}…`).toBe(false);

    const files = await filesUnder(dir);
    expect(files.map((f) => f.path.slice(dir.length)).sort()).toEqual(
      expect.arrayContaining(['/audit.jsonl', '/profiles.json', `/snapshots/${pw.id}.json`, `/snapshots/${tok.id}.json`]),
    );
    for (const file of files) for (const form of FORMS) expect(file.text.includes(form), `${file.path} holds a secret`).toBe(false);
    // The failed create is in the audit, with its error in words.
    expect(files.find((f) => f.path.endsWith('audit.jsonl'))?.text).toMatch(/"outcome":"failed"/);
  });
});
