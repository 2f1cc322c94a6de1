// The AtScale simulator as a separate process (the same one `npm run simulator` starts), so the test can
// stop it between two app runs and the app has to fall back to its offline snapshot.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface SimulatorProcess {
  url: string;
  stop(): Promise<void>;
}

export function startSimulatorProcess(): Promise<SimulatorProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'tsconfig.node.json', 'src-main/simulator/cli.ts', '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = (): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void stop();
      fail(new Error('The simulator did not print its URL within 30 s.'));
    }, 30_000);
    child.once('exit', (code) => fail(new Error(`The simulator exited early (code ${code}).`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /listening on (\S+)/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        done({ url: m[1], stop });
      }
    });
  });
}
