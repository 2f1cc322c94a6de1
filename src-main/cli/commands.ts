// Each command: what it asks the core (the same handlers as the desktop app), what it prints, its exit code.
import { readFile, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import type { ProfileView } from '@shared/domain';
import type { PlanSource } from '@shared/ipc/channels/changes';
import type { ParsedCommand } from './args';
import { formatApply, formatPlan, formatProfiles, formatSchedules } from './format';
import { CommandFailure, type Session } from './session';
import { EXIT, UsageError, usageFor } from './usage';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  stdin(): Promise<string>;
}

type Command = (s: Session, p: ParsedCommand, io: Output) => Promise<number>;

function print(io: Output, p: ParsedCommand, value: unknown, human: string): void {
  io.out(p.json ? JSON.stringify(value, null, 2) : human);
}

/** The org the write is confirmed for: typed with --confirm-org, which production requires. */
function confirmedOrg(profile: ProfileView, p: ParsedCommand): string {
  if (p.confirmOrg !== null) return p.confirmOrg;
  if (profile.environment.kind === 'production') {
    throw new UsageError(
      `"${profile.name}" is a production profile: confirm its org with --confirm-org <org-id> (the org it should write to).`,
      usageFor(p.command),
    );
  }
  return profile.orgId;
}

async function sourceOf(s: Session, arg: string, io: Output): Promise<PlanSource> {
  if (arg === '-') return { kind: 'document', json: await io.stdin() };
  if (isFile(arg)) {
    try {
      return { kind: 'document', json: await readFile(arg, 'utf8') };
    } catch (error) {
      throw new CommandFailure({ kind: 'storage', message: `The document ${arg} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).` });
    }
  }
  return { kind: 'profile', profileId: (await s.profile(arg)).id };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const profiles: Command = async (s, p, io) => {
  const list = await s.call('profiles:list', {});
  print(io, p, list, formatProfiles(list));
  return EXIT.done;
};

const schedules: Command = async (s, p, io) => {
  const profile = await s.profile(p.args[0]!);
  const list = await s.call('schedules:list', { profileId: profile.id });
  const paused = (await s.call('changes:paused-list', { profileId: profile.id })).paused;
  print(io, p, { ...list, paused }, formatSchedules(profile, list, paused));
  return EXIT.done;
};

const exportCommand: Command = async (s, p, io) => {
  const profile = await s.profile(p.args[0]!);
  const result = await s.call('changes:export', { profileId: profile.id });
  if (result.source === 'snapshot') io.err(`warning: "${profile.name}" could not be reached; exported its last saved list.`);
  if (p.out !== null) {
    await writeFile(p.out, result.json, { encoding: 'utf8', mode: 0o600 });
    print(
      io,
      p,
      { written: p.out, schedules: result.document.schedules.length, source: result.source },
      `Wrote ${result.document.schedules.length} schedules to ${p.out}.`,
    );
  } else io.out(result.json.trimEnd());
  return EXIT.done;
};

const plan: Command = async (s, p, io) => {
  const source = await sourceOf(s, p.args[0]!, io);
  const target = await s.profile(p.args[1]!);
  const result = await s.call('changes:plan', { source, targetProfileId: target.id });
  print(io, p, result, formatPlan(result));
  return p.exitCode && result.hasChanges ? EXIT.planHasChanges : EXIT.done;
};

const apply: Command = async (s, p, io) => {
  const source = await sourceOf(s, p.args[0]!, io);
  const target = await s.profile(p.args[1]!);
  const orgId = confirmedOrg(target, p);
  const planned = await s.call('changes:plan', { source, targetProfileId: target.id });
  if (!p.json) io.err(formatPlan(planned));
  const result = await s.call('changes:apply', { source, targetProfileId: target.id, planId: planned.planId, orgId, allowTooFrequent: p.allowFrequent });
  print(io, p, result, formatApply(result));
  return result.status === 'done' || result.status === 'nothing-to-do' ? EXIT.done : EXIT.failed;
};

const create: Command = async (s, p, io) => {
  const profile = await s.profile(p.args[0]!);
  const expression = p.args[1]!;
  const orgId = confirmedOrg(profile, p);
  const [linted] = await s.call('changes:lint', { profileId: profile.id, expressions: [expression], allowTooFrequent: p.allowFrequent });
  if (linted && !p.json) for (const v of linted.verdicts) io.err(`${v.severity}: ${v.message}${v.suggestion ? ` (suggested: ${v.suggestion})` : ''}`);
  if (linted?.blocked) {
    const frequent = linted.verdicts.some((v) => v.code === 'too-frequent') ? ' (--allow-frequent lets a too-frequent schedule through)' : '';
    throw new CommandFailure({ kind: 'invalid-input', message: `"${expression}" was not sent: the linter refuses it${frequent}.` });
  }
  const created = await s.call('schedules:create', { profileId: profile.id, orgId, timeExpression: expression, allowTooFrequent: p.allowFrequent });
  print(io, p, { created, verdicts: linted?.verdicts ?? [] }, `Created job ${created.jobId} in "${profile.name}": ${created.timeExpression}`);
  return EXIT.done;
};

const deleteCommand: Command = async (s, p, io) => {
  const profile = await s.profile(p.args[0]!);
  const orgId = confirmedOrg(profile, p);
  const result = await s.call('schedules:delete', { profileId: profile.id, orgId, jobId: p.args[1]! });
  print(io, p, result, `Deleted job ${result.jobId} in "${profile.name}".`);
  return EXIT.done;
};

export const COMMAND_RUNNERS: Record<ParsedCommand['command'], Command> = {
  profiles,
  schedules,
  export: exportCommand,
  plan,
  apply,
  create,
  delete: deleteCommand,
};
