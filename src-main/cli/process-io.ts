// The command line on this process's stdin, stdout and stderr: shared by the Node entry (main.ts) and the
// packaged app, whose own binary runs it when started with --cli (the app's RunAsNode fuse is off, so
// `ELECTRON_RUN_AS_NODE` cannot run a script in it).
import { runCli } from './run';
import { createWriteGuard, EXIT_INTERRUPTED } from './write-guard';

/** The switch that makes the app binary run the command line instead of opening a window. */
export const CLI_SWITCH = '--cli';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The command line's arguments when the app binary was started as `<binary> [app path] --cli ...`, else null. */
export function cliArgumentsOf(argv: readonly string[]): string[] | null {
  // argv[0] is the binary; an unpackaged Electron has the app's folder at argv[1].
  const at = argv.indexOf(CLI_SWITCH);
  return at === 1 || at === 2 ? argv.slice(at + 1) : null;
}

function flushed(): Promise<void> {
  return new Promise<void>((done) => process.stdout.write('', () => process.stderr.write('', () => done())));
}

/** Runs one command with this process's streams; resolves with the exit code once stdout and stderr are written out. */
export async function runOnProcessStreams(args: readonly string[]): Promise<number> {
  const err = (text: string): void => void process.stderr.write(`${text}\n`);
  const guard = createWriteGuard({ err, leave: (code) => void flushed().then(() => process.exit(code)) });
  // After leaving without the answer, whatever the command would still print could contradict "unknown".
  const unlessLeaving =
    (print: (text: string) => void) =>
    (text: string): void => {
      if (!guard.leaving()) print(text);
    };
  const code = await runCli(args, {
    out: unlessLeaving((text) => process.stdout.write(`${text}\n`)),
    err: unlessLeaving(err),
    stdin: readStdin,
    whileWriting: guard.whileWriting,
  });
  // Pipes may be asynchronous (macOS): an app.exit() right after the last write would cut the output.
  await flushed();
  return guard.interrupted() ? EXIT_INTERRUPTED : code;
}
