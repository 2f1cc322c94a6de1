// `atscale-schedules` / `npm run cli --`: the command line over the desktop app's own core, profiles file
// and keychain. Exit codes: 0 done, 1 failed, 2 bad usage, 3 plan has changes (plan --exit-code).
import { runCli } from './run';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stdin: readStdin,
});
process.exitCode = code;
