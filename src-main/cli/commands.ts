// Each command: what it asks the core (the same handlers as the desktop app), what it prints, its exit code.
import { readFile, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import type { ProfileView } from '@shared/domain';
import type { ExpressionVerdict, LintedExpression, PlanSource, SchedulePlan } from '@shared/ipc/channels/changes';
import type { ParsedCommand } from './args';
import { formatApply, formatPlan, formatProfiles, formatSchedules } from './format';
import { CommandFailure, type Session } from './session';
import { savedOf } from '@core/changes/guard';
import { savedListsOfPlan, savedListWarning } from './snapshots';
import { EXIT, UsageError, usageFor } from './usage';
import { shellWord, type GuardWrite } from './write-guard';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  stdin(): Promise<string>;
  /** Runs a write so that Ctrl-C or SIGTERM during it waits for the server's answer (write-guard.ts). */
  whileWriting: GuardWrite;
}

type Command = (s: Session, p: ParsedCommand, io: Output) => Promise<number>;

function print(io: Output, p: ParsedCommand, value: unknown, human: string): void {
  io.out(p.json ? JSON.stringify(value, null, 2) : human);
}

/** A command line to run next, with the data folder and secrets options of this run, ready to paste. */
function commandLine(p: ParsedCommand, ...words: string[]): string {
  const options = [...(p.dataDir !== null ? ['--data-dir', p.dataDir] : []), ...(p.secrets === 'memory' ? ['--secrets', 'memory'] : [])];
  return ['atscale-schedules', ...words, ...options].map(shellWord).join(' ');
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

const EMPTY_HINT = 'a schedules document (JSON, as `atscale-schedules export <profile>` prints it)';

/** An empty document would reach the core as an invalid request; it is bad usage, said in these words. */
function documentOf(text: string, whenEmpty: string, p: ParsedCommand): PlanSource {
  if (text.trim() === '') throw new UsageError(whenEmpty, usageFor(p.command));
  return { kind: 'document', json: text };
}

async function sourceOf(s: Session, p: ParsedCommand, io: Output): Promise<PlanSource> {
  const arg = p.args[0]!;
  if (arg === '-') return documentOf(await io.stdin(), `standard input is empty (<source> is -): pipe ${EMPTY_HINT} into it.`, p);
  if (isFile(arg)) {
    let text: string;
    try {
      text = await readFile(arg, 'utf8');
    } catch (error) {
      throw new CommandFailure({ kind: 'storage', message: `The document ${arg} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).` });
    }
    return documentOf(text, `the document ${arg} is empty: it should hold ${EMPTY_HINT}.`, p);
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

/** What a saved list in place of a live one means for a plan, per profile role. */
function planAdvice(command: 'plan' | 'apply', role: 'source' | 'target', name: string): string {
  if (role === 'source') {
    return command === 'apply'
      ? `The plan, and what apply writes, follow that older list: to apply "${name}"'s current schedules, apply again once it answers.`
      : `The plan follows that older list: plan again once "${name}" answers.`;
  }
  return command === 'apply'
    ? `Apply needs the live list, so nothing is sent: apply again once "${name}" answers.`
    : `The plan may be out of date, and apply is refused until "${name}" answers: plan again then.`;
}

/** Warns on stderr of every profile of the plan whose schedules came from a saved list; true when there was one. */
function warnOfSavedLists(io: Output, plan: SchedulePlan, command: 'plan' | 'apply'): boolean {
  const stale = savedListsOfPlan(plan);
  for (const { name, role, saved } of stale) io.err(savedListWarning(name, saved, planAdvice(command, role, name)));
  return stale.length > 0;
}

const profiles: Command = async (s, p, io) => {
  const list = await s.call('profiles:list', {});
  print(io, p, list, formatProfiles(list));
  return EXIT.done;
};

const schedules: Command = async (s, p, io) => {
  const profile = await s.profile(p.args[0]!);
  const list = await s.call('schedules:list', { profileId: profile.id });
  if (list.source === 'snapshot') {
    io.err(
      savedListWarning(
        profile.name,
        savedOf(list),
        `These schedules may be out of date: run \`${commandLine(p, 'schedules', p.args[0]!)}\` again once it answers.`,
      ),
    );
  }
  const paused = (await s.call('changes:paused-list', { profileId: profile.id })).paused;
  print(io, p, { ...list, paused }, formatSchedules(profile, list, paused));
  return EXIT.done;
};

const exportCommand: Command = async (s, p, io) => {
  const profile = await s.profile(p.args[0]!);
  const result = await s.call('changes:export', { profileId: profile.id });
  if (result.source === 'snapshot') {
    io.err(savedListWarning(profile.name, result.saved, `The document may be out of date: export again once "${profile.name}" answers.`));
  }
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

/** --exit-code promises 0 (no changes) or 3 (changes): a plan from a saved list can promise neither. */
function undecidablePlan(plan: SchedulePlan): CommandFailure {
  const stale = savedListsOfPlan(plan);
  const names = stale.map((x) => `"${x.name}"`).join(' and ');
  const lists = stale.length > 1 ? 'their last saved lists' : 'its last saved list';
  return new CommandFailure(
    {
      kind: 'offline',
      message: `Cannot tell whether "${plan.targetName}" has changes: ${names} could not be reached, so the plan was made from ${lists}. Run plan again once the server answers (--exit-code then gives 0 or 3).`,
    },
    { extra: { plan } },
  );
}

const plan: Command = async (s, p, io) => {
  const source = await sourceOf(s, p, io);
  const target = await s.profile(p.args[1]!);
  const result = await s.call('changes:plan', { source, targetProfileId: target.id });
  const fromSavedList = warnOfSavedLists(io, result, 'plan');
  if (p.exitCode && fromSavedList) {
    if (!p.json) io.out(formatPlan(result));
    throw undecidablePlan(result);
  }
  print(io, p, result, formatPlan(result));
  return p.exitCode && result.hasChanges ? EXIT.planHasChanges : EXIT.done;
};

const apply: Command = async (s, p, io) => {
  const source = await sourceOf(s, p, io);
  const target = await s.profile(p.args[1]!);
  const orgId = confirmedOrg(target, p);
  const planned = await s.call('changes:plan', { source, targetProfileId: target.id });
  if (!p.json) io.err(formatPlan(planned));
  warnOfSavedLists(io, planned, 'apply');
  // The core refuses a plan made from the target's saved list too; refusing here spares the server another try.
  if (planned.targetSource === 'snapshot') {
    throw new CommandFailure({
      kind: 'offline',
      message: `"${target.name}" cannot be reached, so nothing was sent: the plan was made from its last saved list. Apply again once the server answers.`,
    });
  }
  const steps = planned.create.length + planned.delete.length;
  const check = p.args[0] === '-' ? commandLine(p, 'schedules', p.args[1]!) : commandLine(p, 'plan', p.args[0]!, p.args[1]!);
  const result = await io.whileWriting({ what: `the apply to "${target.name}"`, requests: Math.max(steps, 1), check }, () =>
    s.call('changes:apply', { source, targetProfileId: target.id, planId: planned.planId, orgId, allowTooFrequent: p.allowFrequent }),
  );
  print(io, p, result, formatApply(result));
  return result.status === 'done' || result.status === 'nothing-to-do' ? EXIT.done : EXIT.failed;
};

/** The first verdict that refuses the write (an error, unless it is a too-frequent one that is allowed). */
function firstRefusal(verdicts: readonly ExpressionVerdict[], allowFrequent: boolean): ExpressionVerdict | undefined {
  return verdicts.find((v) => v.severity === 'error' && !(allowFrequent && v.code === 'too-frequent'));
}

/** The linter's refusal: on stderr in the words people know, in --json with the verdicts and the first refusal's reason. */
function refusedByLinter(expression: string, linted: LintedExpression, allowFrequent: boolean): CommandFailure {
  const frequent = linted.verdicts.some((v) => v.code === 'too-frequent') ? ' (--allow-frequent lets a too-frequent schedule through)' : '';
  const human = `"${expression}" was not sent: the linter refuses it${frequent}.`;
  const reason = firstRefusal(linted.verdicts, allowFrequent)?.message;
  const message = reason === undefined ? human : `"${expression}" was not sent: the linter refuses it: ${reason}${frequent}`;
  return new CommandFailure({ kind: 'invalid-input', message, verdicts: linted.verdicts }, { human });
}

const create: Command = async (s, p, io) => {
  const profile = await s.profile(p.args[0]!);
  const expression = p.args[1]!;
  const orgId = confirmedOrg(profile, p);
  const [linted] = await s.call('changes:lint', { profileId: profile.id, expressions: [expression], allowTooFrequent: p.allowFrequent });
  if (linted && !p.json) for (const v of linted.verdicts) io.err(`${v.severity}: ${v.message}${v.suggestion ? ` (suggested: ${v.suggestion})` : ''}`);
  if (linted?.blocked) throw refusedByLinter(expression, linted, p.allowFrequent);
  const write = { what: `the create of "${expression}" in "${profile.name}"`, requests: 1, check: commandLine(p, 'schedules', p.args[0]!) };
  const created = await io.whileWriting(write, () =>
    s.call('schedules:create', { profileId: profile.id, orgId, timeExpression: expression, allowTooFrequent: p.allowFrequent }),
  );
  print(io, p, { created, verdicts: linted?.verdicts ?? [] }, `Created job ${created.jobId} in "${profile.name}": ${created.timeExpression}`);
  return EXIT.done;
};

const deleteCommand: Command = async (s, p, io) => {
  const profile = await s.profile(p.args[0]!);
  const orgId = confirmedOrg(profile, p);
  const jobId = p.args[1]!;
  const write = { what: `the delete of job ${jobId} in "${profile.name}"`, requests: 1, check: commandLine(p, 'schedules', p.args[0]!) };
  const result = await io.whileWriting(write, () => s.call('schedules:delete', { profileId: profile.id, orgId, jobId }));
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
