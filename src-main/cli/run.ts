// One run of the command line: parse, open the core on the data folder, run the command, close the core
// (which releases the data folder). Never throws: every outcome is an exit code.
import { createAppCore, type AppCore } from '@core/app-core';
import { toAppError } from '@core/errors';
import { parseCommandLine } from './args';
import { COMMAND_RUNNERS, type Output } from './commands';
import { defaultDataDir } from './data-dir';
import { CommandFailure, openSession } from './session';
import { EXIT, USAGE, UsageError } from './usage';
import { REQUEST_TIMEOUT_MS } from './write-guard';

function printJson(io: Output, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Bad usage: the message and help on stderr; with --json also `{ ok: false, error: { kind: 'usage' } }` for scripts. */
function reportUsage(io: Output, json: boolean, error: UsageError): number {
  if (json) printJson(io, { ok: false, error: { kind: 'usage', message: error.message } });
  io.err(`error: ${error.message}\n${error.help}`);
  return EXIT.usage;
}

function reportFailure(io: Output, json: boolean, error: unknown): number {
  // Core failures (a data folder in use by the app, an unreadable folder) keep their kind and words.
  const failure = error instanceof CommandFailure ? error : new CommandFailure(toAppError(error, (text) => text, 'running the command'));
  if (json) printJson(io, { ok: false, error: failure.error, ...failure.extra });
  io.err(`error: ${failure.human}`);
  return EXIT.failed;
}

export async function runCli(argv: readonly string[], io: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let json = argv.includes('--json');
  let core: AppCore | null = null;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.help) {
      io.out(USAGE);
      return EXIT.done;
    }
    json = parsed.json;
    core = await createAppCore({
      dataDir: parsed.dataDir ?? defaultDataDir(env),
      secrets: parsed.secrets === 'memory' ? 'memory' : 'keytar',
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    });
    const info = await core.handlers['app:info']({});
    if (info.ok) {
      for (const problem of info.value.dataProblems) io.err(`warning: ${problem.reason}`);
      if (parsed.secrets === 'keychain' && info.value.keychain === 'unavailable') {
        io.err(`warning: no keychain: ${info.value.keychainProblem ?? 'unknown reason'} Use --secrets memory with ATSCALE_SECRET to run without one.`);
      }
    }
    const opened = core;
    const commandIo: Output = { ...io, whileWriting: (write, run) => io.whileWriting({ ...write, letGo: () => opened.close() }, run) };
    return await COMMAND_RUNNERS[parsed.command](openSession(core, { secrets: parsed.secrets, env }), parsed, commandIo);
  } catch (error) {
    return error instanceof UsageError ? reportUsage(io, json, error) : reportFailure(io, json, error);
  } finally {
    await core?.close();
  }
}
