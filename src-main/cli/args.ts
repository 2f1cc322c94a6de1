// A small strict parser over node:util parseArgs: each command says how many arguments and which
// options it takes; anything else is bad usage naming what is wrong.
import { parseArgs } from 'node:util';
import { UsageError, usageFor } from './usage';

export const COMMANDS = {
  profiles: { args: [], options: [] },
  schedules: { args: ['profile'], options: [] },
  export: { args: ['profile'], options: ['out'] },
  plan: { args: ['source', 'profile'], options: ['exit-code'] },
  apply: { args: ['source', 'profile'], options: ['confirm-org', 'allow-frequent'] },
  create: { args: ['profile', 'expression'], options: ['confirm-org', 'allow-frequent'] },
  delete: { args: ['profile', 'job-id'], options: ['confirm-org'] },
} as const satisfies Record<string, { args: readonly string[]; options: readonly string[] }>;

export type CommandName = keyof typeof COMMANDS;

/** What each argument holds, for the message when one is given empty. */
const ARGUMENT_MEANING: Record<(typeof COMMANDS)[CommandName]['args'][number], string> = {
  profile: "a profile's name or id (`atscale-schedules profiles` lists them)",
  source: "a schedules document's path, - to read one from standard input, or a profile's name or id",
  expression: 'a Quartz cron expression, e.g. "0 0 4 ? * *"',
  'job-id': "a schedule's job id (`atscale-schedules schedules <profile>` lists them)",
};

const OPTIONS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  secrets: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  out: { type: 'string' },
  'exit-code': { type: 'boolean' },
  'confirm-org': { type: 'string' },
  'allow-frequent': { type: 'boolean' },
} as const;
type OptionName = keyof typeof OPTIONS;
const GLOBAL = new Set(['json', 'data-dir', 'secrets', 'help']);
/** The values --secrets takes; anything else typed there might be a password and is never repeated back. */
const SECRETS_CHOICES = new Set(['keychain', 'memory']);

export interface ParsedCommand {
  command: CommandName;
  args: string[];
  json: boolean;
  dataDir: string | null;
  secrets: 'keychain' | 'memory';
  out: string | null;
  exitCode: boolean;
  confirmOrg: string | null;
  allowFrequent: boolean;
}

export type Parsed = { help: true } | ({ help: false } & ParsedCommand);

type ParseResult = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true; tokens: true }>>;
type Token = ParseResult['tokens'][number];

function isCommand(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

function isOptionName(name: string): name is OptionName {
  return Object.prototype.hasOwnProperty.call(OPTIONS, name);
}

function shownValue(option: string, value: string): string {
  return option !== 'secrets' || SECRETS_CHOICES.has(value) ? `"${value}"` : '(a value not shown)';
}

/** A single-value option given twice would silently take the last value (e.g. the org a write goes to). */
function assertNoRepeatedValues(tokens: readonly Token[], command: CommandName): void {
  const first = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || !isOptionName(token.name) || OPTIONS[token.name].type !== 'string') continue;
    const value = token.value ?? '';
    const earlier = first.get(token.name);
    if (earlier === undefined) {
      first.set(token.name, value);
      continue;
    }
    throw new UsageError(
      `--${token.name} was given twice (${shownValue(token.name, earlier)} and ${shownValue(token.name, value)}); give it once, with the value you mean.`,
      usageFor(command),
    );
  }
}

/** An empty argument would reach the core as an invalid request; say which one it is and what it holds. */
function assertNoBlankArguments(command: CommandName, args: readonly string[]): void {
  COMMANDS[command].args.forEach((name, at) => {
    if ((args[at] ?? '').trim() !== '') return;
    throw new UsageError(`${command}: <${name}> is empty; give ${ARGUMENT_MEANING[name]}.`, usageFor(command));
  });
}

function parseTokens(argv: readonly string[]): ParseResult {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    // parseArgs names the option ("Unknown option '--nope'", "Option '--out <value>' argument missing").
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? 'bad options') : String(error));
  }
}

export function parseCommandLine(argv: readonly string[]): Parsed {
  const { values, positionals, tokens } = parseTokens(argv);
  if (values.help) return { help: true };
  const [name, ...args] = positionals;
  if (name === undefined) throw new UsageError('no command given.');
  if (!isCommand(name)) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}).`);
  const spec = COMMANDS[name];
  assertNoRepeatedValues(tokens, name);
  if (args.length !== spec.args.length) {
    const wanted = spec.args.length === 0 ? 'no arguments' : spec.args.map((a) => `<${a}>`).join(' ');
    throw new UsageError(`${name} takes ${wanted}; got ${args.length} argument${args.length === 1 ? '' : 's'}.`, usageFor(name));
  }
  assertNoBlankArguments(name, args);
  const allowed = new Set<string>([...GLOBAL, ...spec.options]);
  for (const key of Object.keys(values)) if (!allowed.has(key)) throw new UsageError(`--${key} does not apply to ${name}.`, usageFor(name));
  const secrets = values.secrets ?? 'keychain';
  if (secrets !== 'keychain' && secrets !== 'memory') throw new UsageError(`--secrets must be "keychain" or "memory" (got "${secrets}").`, usageFor(name));
  for (const key of ['data-dir', 'out', 'confirm-org'] as const) {
    if (values[key] !== undefined && values[key].trim() === '') throw new UsageError(`--${key} needs a value.`, usageFor(name));
  }
  return {
    help: false,
    command: name,
    args,
    json: values.json ?? false,
    dataDir: values['data-dir'] ?? null,
    secrets,
    out: values.out ?? null,
    exitCode: values['exit-code'] ?? false,
    confirmOrg: values['confirm-org'] ?? null,
    allowFrequent: values['allow-frequent'] ?? false,
  };
}
