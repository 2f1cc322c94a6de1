// What the user types or picks is checked where it is entered: the CA file (a small regular PEM file,
// never a FIFO, device, folder or huge file), org IDs that would vanish or move inside a URL path,
// hidden characters in names, and messages that quote at most a short marked excerpt of the input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulator } from '@simulator/index';
import type { AppCore, CoreEvent } from '@core/app-core';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let server: Simulator;
let tlsServer: Simulator;
let dir: string;
let core: AppCore;
const events: CoreEvent[] = [];

beforeAll(async () => {
  server = await sim();
  tlsServer = await sim({ tls: true });
  dir = await tempDir();
  core = await makeCore(dir);
  core.onEvent((e) => events.push(e));
});
afterAll(async () => {
  await core.close();
  await server.close();
  await tlsServer.close();
  await removeDir(dir);
});

describe('the trusted CA file', () => {
  it('is accepted when it is a small PEM certificate, with its subject shown', async () => {
    const path = join(dir, 'ca.pem');
    await writeFile(path, tlsServer.caCert ?? '');
    const check = await call(core, 'files:check-ca', { path });
    expect(check).toMatchObject({ ok: true, subject: expect.stringMatching(/CN=/) });
    const saved = await call(core, 'profiles:save', {
      profile: profileInput(tlsServer, { name: 'TLS', caCertPath: path }),
      secret: DEMO_PASSWORD,
      secretStorage: 'memory',
    });
    expect(await call(core, 'connection:test', { profileId: saved.id })).toMatchObject({ ok: true });
  });

  it('refuses a FIFO, a device, a 5 MB file, a folder, a missing path and a non-PEM file at once, naming the path', async () => {
    const fifo = join(dir, 'ca.fifo');
    execFileSync('mkfifo', [fifo]);
    const huge = join(dir, 'huge.pem');
    await writeFile(huge, `-----BEGIN CERTIFICATE-----\n${'A'.repeat(5 * 1024 * 1024)}\n`);
    const folder = join(dir, 'a-folder');
    await mkdir(folder);
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'just some text');
    const cases: [string, RegExp][] = [
      [fifo, /is not a regular file/],
      ['/dev/zero', /is not a regular file/],
      [huge, /is 5\.0 MB/],
      [folder, /is a folder, not a file/],
      [join(dir, 'missing.pem'), /does not exist/],
      [text, /is not a PEM certificate/],
      ['ca.pem', /is not a full path/],
    ];
    for (const [path, why] of cases) {
      const started = Date.now();
      const check = await call(core, 'files:check-ca', { path });
      expect(check.ok).toBe(false);
      const message = check.ok ? '' : check.message;
      expect(message).toContain(`“${path}”`);
      expect(message).toMatch(why);
      // Each says what to do, naming the control that exists: the profile's "Trusted CA certificate" field.
      expect(message).toMatch(/"Trusted CA certificate" field|Export the CA certificate as PEM/);
      const saved = await callFails(core, 'profiles:save', { profile: profileInput(server, { name: `CA ${path}`, caCertPath: path }) });
      expect(saved).toMatchObject({ kind: 'invalid-input', message });
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});

describe('org IDs and other path parts', () => {
  const bad = ['.', '..', '', 'a/b', 'a\\b', 'a?b', 'a#b', 'sales%2Fother', ' default', 'default ', 'de\u0000fault', 'de\nfault'];

  it('refuses, at save, org IDs that would vanish or move inside a URL path', async () => {
    for (const orgId of bad) {
      const error = await callFails(core, 'profiles:save', { profile: profileInput(server, { orgId }) });
      expect(error.kind).toBe('invalid-input');
      expect(error.message).toMatch(/^profile\.orgId: Org ID .*Use the org ID exactly as AtScale shows it/);
    }
    expect((await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Dots inside', orgId: 'sales.analytics-2' }) })).orgId).toBe(
      'sales.analytics-2',
    );
  });

  it('skips them at import with the same reason', async () => {
    const profiles = bad.map((orgId, i) => ({ ...profileInput(server, { name: `Imported ${i}` }), orgId }));
    const result = await call(core, 'profiles:import', { json: JSON.stringify({ profiles }) });
    expect(result.imported).toEqual([]);
    expect(result.skipped).toHaveLength(bad.length);
    for (const s of result.skipped) expect(s.reason).toMatch(/^orgId: Org ID /);
  });

  it('refuses names, labels and user names with control or bidi characters', async () => {
    for (const name of ['Sales\u0007', 'Sales\u202eved', 'two\nlines']) {
      expect((await callFails(core, 'profiles:save', { profile: profileInput(server, { name }) })).message).toMatch(
        /^profile\.name: Name must not contain control characters/,
      );
    }
    expect((await callFails(core, 'profiles:save', { profile: profileInput(server, { username: 'adm\u0000in' }) })).message).toMatch(/User name/);
    const ok = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Notes ok', notes: 'line one\n\tline two' }) });
    expect(ok.notes).toBe('line one\n\tline two');
  });
});

describe('messages quote at most a short, marked excerpt of the input', () => {
  const long = `Z${'x'.repeat(5000)}`;

  it('for unknown fields, unknown time zones and unknown ids', async () => {
    const field = await callFails(core, 'profiles:rename', { id: 'a', name: 'b', [long]: 1 });
    expect(field.message.length).toBeLessThan(200);
    expect(field.message).toMatch(/unknown field “Zx+…”/);
    const zone = await callFails(core, 'profiles:save', { profile: profileInput(server, { serverTimeZone: `Mars/${'y'.repeat(58)}` }) });
    expect(zone.message).toMatch(/“Mars\/y+…”/);
    expect(zone.message.match(/“(.*)”/)?.[1]?.length).toBeLessThanOrEqual(60);
    const ids = Array.from({ length: 5000 }, (_, i) => `missing-${i}-${'q'.repeat(100)}`);
    const exported = await callFails(core, 'profiles:export', { ids });
    expect(exported.kind).toBe('not-found');
    expect(exported.message.length).toBeLessThan(400);
    expect(exported.message).toContain('and 4997 more');
  });

  it('for an import label', async () => {
    const result = await call(core, 'profiles:import', { json: JSON.stringify({ profiles: [{ name: long }] }) });
    expect(result.skipped[0]?.name.length).toBeLessThanOrEqual(120);
  });
});

describe('imports', () => {
  it('refuses a file of 10,000 profiles at once, and tells listeners once per import', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...profileInput(server), name: `P${i}` }));
    const error = await callFails(core, 'profiles:import', { json: JSON.stringify({ profiles: many }) });
    expect(error.message).toMatch(/holds 10000 profiles; at most 1000/);
    const before = events.filter((e) => e.event === 'profiles:changed').length;
    const result = await call(core, 'profiles:import', { json: JSON.stringify({ profiles: many.slice(0, 3) }) });
    expect(result.imported).toHaveLength(3);
    expect(events.filter((e) => e.event === 'profiles:changed').length).toBe(before + 1);
  });
});
