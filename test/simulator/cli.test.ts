// `npm run simulator`: starts standalone, prints its URL and the demo credentials, stops cleanly on Ctrl+C.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOKEN, DEMO_USER } from '@simulator/index';

const root = resolve(__dirname, '../..');
// As `npm run simulator` runs it: tsx with the node tsconfig (for the @shared alias).
const runCli = (...args: string[]) =>
  spawn(process.execPath, ['--import', 'tsx', 'src-main/simulator/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('simulator CLI', () => {
  it('prints URL and credentials, serves requests, and exits 0 on SIGINT', async () => {
    const child = runCli('--port', '0');
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const deadline = Date.now() + 15_000;
    while (!/Press Ctrl\+C/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    expect(url, out).toBeDefined();
    expect(out).toContain(DEMO_USER);
    expect(out).toContain(DEMO_PASSWORD);
    expect(out).toContain(DEMO_TOKEN);
    const res = await fetch(`${url}/default/auth`, { headers: { authorization: `Basic ${Buffer.from(`${DEMO_USER}:${DEMO_PASSWORD}`).toString('base64')}` } });
    expect(res.status).toBe(200);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('Simulator stopped.');
  });

  it('refuses a bad port with a clear message', async () => {
    const child = runCli('--port', 'abc');
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(err).toMatch(/Invalid port "abc"/);
  });
});
