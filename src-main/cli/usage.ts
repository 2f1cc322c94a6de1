// The command line's words: usage text and the one error for bad usage (exit code 2).

export const EXIT = { done: 0, failed: 1, usage: 2, planHasChanges: 3 } as const;

export const USAGE = `Usage: atscale-schedules <command> [arguments] [options]
       npm run --silent cli -- <command> [arguments] [options]   (from a checkout)

Commands:
  profiles                              list the connection profiles
  schedules <profile>                   list a profile's schedules (paused ones too)
  export <profile> [--out FILE]         print (or write) the profile's schedules as a document
  plan <file|profile> <profile>         what apply would change on the target profile
       [--exit-code]                    exit 3 when the plan has changes
  apply <file|profile> <profile>        carry out the plan on the target profile
       [--confirm-org ORG]              required for a production profile
       [--allow-frequent]               let schedules the linter finds too frequent through
  create <profile> <expression>         create a schedule (checked by the linter first)
       [--confirm-org ORG]
       [--allow-frequent]
  delete <profile> <job-id>             delete a schedule
       [--confirm-org ORG]

<profile> is a profile's name or id. <file> is a schedules document (- reads standard input).

Options:
  --json                 answer in JSON (for scripts; through npm, run npm run --silent cli -- ...
                         so that npm's own lines stay off standard output)
  --data-dir DIR         the app's data folder (default: the desktop app's)
  --secrets keychain     the system keychain, as the desktop app (default)
  --secrets memory       no keychain: the secret comes from ATSCALE_SECRET_<PROFILE_ID>
                         (the id upper-cased, other characters as _) or ATSCALE_SECRET
  --allow-frequent       let create/apply send schedules the linter finds too frequent
  -h, --help             this text

Exit codes: 0 done, 1 failed, 2 bad usage, 3 plan has changes (plan --exit-code).`;

/** Bad usage (exit code 2); `help` is printed after the message (the whole usage unless given). */
export class UsageError extends Error {
  readonly help: string;
  constructor(message: string, help: string = USAGE) {
    super(message);
    this.name = 'UsageError';
    this.help = help;
  }
}

/** The usage line of one command (its lines in USAGE). */
export function usageFor(command: string): string {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${command} `) || l === `  ${command}`);
  if (start < 0) return USAGE;
  let end = start + 1;
  while (end < lines.length && /^ {7}\S/.test(lines[end] ?? '')) end += 1;
  const options = lines.slice(start + 1, end).map((l) => l.trim().split(/\s{2,}/)[0]);
  const head = (lines[start] ?? '').trim().split(/\s{2,}/)[0] ?? command;
  return `usage: atscale-schedules ${[head, ...options].join(' ')} [--json] [--data-dir DIR] [--secrets keychain|memory]\nRun atscale-schedules --help for every command and option.`;
}
