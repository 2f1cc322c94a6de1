// One run of the command line: parse, open the core on the data folder, run the command, close the core
// (which releases the data folder). Never throws: every outcome is an exit code.
import { createAppCore, type AppCore } from '@core/app-core';
import { toAppError } from '@core/errors';
import { parseCommandLine } from './args';
import { COMMAND_RUNNERS, type Output } from './commands';
import { defaultDataDir } from './data-dir';
import { CommandFailure, openSession } from './session';
import { EXIT, USAGE, UsageError } from './usage';

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
    core = await createAppCore({ dataDir: parsed.dataDir ?? defaultDataDir(env), secrets: parsed.secrets === 'memory' ? 'memory' : 'keytar' });
    const info = await core.handlers['app:info']({});
    if (info.ok) {
      for (const problem of info.value.dataProblems) io.err(`warning: ${problem.reason}`);
      if (parsed.secrets === 'keychain' && info.value.keychain === 'unavailable') {
        io.err(`warning: no keychain: ${info.value.keychainProblem ?? 'unknown reason'} Use --secrets memory with ATSCALE_SECRET to run without one.`);
      }
    }
    return await COMMAND_RUNNERS[parsed.command](openSession(core, { secrets: parsed.secrets, env }), parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n${error.help}`);
      return EXIT.usage;
    }
    // Core failures (a data folder in use by the app, an unreadable folder) keep their kind and words.
    const appError = error instanceof CommandFailure ? error.error : toAppError(error, (text) => text, 'running the command');
    if (json) io.out(JSON.stringify({ ok: false, error: appError }, null, 2));
    io.err(`error: ${appError.message}`);
    return EXIT.failed;
  } finally {
    await core?.close();
  }
}
