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
const GLOBAL = new Set(['json', 'data-dir', 'secrets', 'help']);

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

function isCommand(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

export function parseCommandLine(argv: readonly string[]): Parsed {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs names the option ("Unknown option '--nope'", "Option '--out <value>' argument missing").
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? 'bad options') : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [name, ...args] = positionals;
  if (name === undefined) throw new UsageError('no command given.');
  if (!isCommand(name)) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}).`);
  const spec = COMMANDS[name];
  if (args.length !== spec.args.length) {
    const wanted = spec.args.length === 0 ? 'no arguments' : spec.args.map((a) => `<${a}>`).join(' ');
    throw new UsageError(`${name} takes ${wanted}; got ${args.length} argument${args.length === 1 ? '' : 's'}.`, usageFor(name));
  }
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
