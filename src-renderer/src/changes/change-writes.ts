// The writes the change dialogs send, and who is told what they did. As with create and delete
// (store/schedules-slice.ts), the outcome belongs to the store, not to the dialog that asked: the dialog
// open when a write is sent is its owner. A success closes (and selects) only while that very dialog is
// still open, so a late answer never closes another dialog or moves the selection; a failure or an
// unknown outcome that comes after the owner is gone (Escape, Close, Ctrl+K) stays as a notice until
// dismissed (view-slice `noticeIfDialogGone`), saying what may have happened, where, and what to do.
import type { ProfileView } from '@shared/domain';
import type { ApplyResult, BulkDeleteResult, ChangeStep, CopyResult, PlanSource, RetryDelete } from '@shared/ipc/channels/changes';
import { ApiError, call, messageOf } from '../api-client';
import { clause } from '../common/text';
import { sourceKey } from '../store/sources';
import type { AppState } from '../store/types';
import type { Dialog } from '../store/view-slice';
import { localRecordWarning } from '../store/write-outcome';
import { editView, type EditView } from './edit-logic';
import { pausedKey } from './paused-sources';
import type { SimpleOutcome } from './simple-change';
import { stepSummary, stepWarnings } from './step-text';

/** The window's store (useAppStore) or a test's (createAppStore()). */
export interface StoreLike {
  getState(): AppState;
}

/**
 * What a dialog shows when its write did not go through: 'error' when nothing was done for sure,
 * 'unknown' when the answer was lost (the dialog then offers no second send: refresh and check first).
 */
export interface WriteFailure {
  tone: 'error' | 'unknown';
  text: string;
}

const where = (p: Pick<ProfileView, 'name' | 'orgId'>) => `${p.name} (org ${p.orgId})`;
const isUnknown = (e: unknown) => e instanceof ApiError && e.kind === 'outcome-unknown';
/** Main's "Not paused: …" lead, dropped where the notice says it in its own words. */
const withoutLead = (text: string) => clause(text.replace(/^Not (paused|resumed|reactivated): /, ''));

/** A success: selects and closes only while the dialog that sent it is still the one open. */
function finish(store: StoreLike, owner: Dialog | null, select?: string | null): void {
  const s = store.getState();
  if (owner === null || s.dialog !== owner) return;
  if (select !== undefined) s.setSelectedKey(select);
  s.closeDialog();
}

const notice = (store: StoreLike, owner: Dialog | null, text: string) => store.getState().noticeIfDialogGone(owner, text);
/** A success whose text says a local record failed stays until closed, like any such warning. */
const toneOf = (warned: boolean) => (warned ? 'warning' : 'success');
/** A success told apart from its warnings: what the server did was not recorded here. */
function warnSteps(store: StoreLike, steps: readonly ChangeStep[]): void {
  const warnings = stepWarnings(steps);
  if (warnings.length > 0) store.getState().notify(localRecordWarning(warnings.join(' ')), 'warning');
}

// ---- edit -------------------------------------------------------------------------------------------

export interface EditSent {
  /** What main answered (or, when its answer was lost, the unknown view), or null when nothing was changed (`error`). */
  view: EditView | null;
  error: string | null;
}

export async function sendEdit(
  store: StoreLike,
  r: { profile: ProfileView; jobId: string; expression: string; allowTooFrequent: boolean; onSteps(steps: ChangeStep[]): void },
): Promise<EditSent> {
  const owner = store.getState().dialog;
  const { profile, jobId, expression } = r;
  let result;
  try {
    result = await call('changes:edit', {
      profileId: profile.id,
      orgId: profile.orgId,
      jobId,
      timeExpression: expression,
      ...(r.allowTooFrequent ? { allowTooFrequent: true } : {}),
    });
  } catch (e) {
    const why = clause(messageOf(e));
    if (isUnknown(e)) {
      // A lost answer is the dialog's "unknown" outcome: told as may-have, and not sent again from there.
      const check = 'Refresh and check the list before changing it again.';
      notice(store, owner, `Job ${jobId} in ${where(profile)} may have been changed to “${expression}”: ${why}. ${check}`);
      return { view: { tone: 'unknown', text: `It may have been changed: ${why}. ${check}` }, error: null };
    }
    notice(store, owner, `Job ${jobId} in ${where(profile)} was not changed to “${expression}”: ${why}. Nothing was changed.`);
    return { view: null, error: `Nothing was changed: ${messageOf(e)}` };
  }
  const view = editView(result);
  r.onSteps(result.steps);
  await store.getState().afterChange([profile.id]);
  if (view.tone === 'done') {
    store.getState().notify(view.text, toneOf(stepWarnings(result.steps).length > 0));
    finish(store, owner, sourceKey(profile.id, view.newJobId));
  } else if (view.tone === 'both-exist') {
    const del = result.steps.find((st) => st.action === 'delete');
    const lost = del?.outcome === 'unknown';
    notice(
      store,
      owner,
      `Job ${jobId} in ${where(profile)} was changed only halfway: the new job ${view.newJobId} runs “${expression}”, but the delete of the old job ${jobId} ` +
        `${lost ? 'lost its answer, so it may or may not be deleted' : 'failed'}${del?.error ? ` (${clause(del.error.message)})` : ''}. ` +
        `Until it is deleted both run: refresh, and delete job ${jobId} if it is still listed.`,
    );
  } else {
    notice(store, owner, `Changing job ${jobId} in ${where(profile)} to “${expression}”: ${view.text}`);
  }
  return { view, error: null };
}

/** The old job of a half-done edit, deleted again. Resolves with the dialog's error text, or null when done. */
export async function sendRetryDelete(
  store: StoreLike,
  r: { profile: ProfileView; retry: RetryDelete; newJobId: string; expression: string; onStep(step: ChangeStep): void },
): Promise<string | null> {
  const owner = store.getState().dialog;
  const { profile, newJobId, expression } = r;
  const oldJobId = r.retry.request.jobId;
  const stillBoth = `Both schedules still run: refresh, then delete job ${oldJobId} if it is still listed.`;
  let step: ChangeStep;
  try {
    step = await call('changes:retry-delete', r.retry.request);
  } catch (e) {
    notice(store, owner, `The delete of the old job ${oldJobId} in ${where(profile)} was not sent again: ${clause(messageOf(e))}. ${stillBoth}`);
    return `The delete was not sent again: ${clause(messageOf(e))}. Both schedules still run.`;
  }
  r.onStep(step);
  await store.getState().afterChange([profile.id]);
  if (step.outcome === 'ok') {
    store.getState().notify(`Changed: the old job ${oldJobId} is deleted now; job ${newJobId} runs “${expression}”.`);
    warnSteps(store, [step]);
    finish(store, owner, sourceKey(profile.id, newJobId));
    return null;
  }
  const why = step.error?.message ?? step.outcome;
  notice(
    store,
    owner,
    step.outcome === 'unknown'
      ? `The old job ${oldJobId} in ${where(profile)} may have been deleted: the answer was lost (${clause(why)}). Refresh and check: if it is still listed, both schedules run; delete it.`
      : `The old job ${oldJobId} in ${where(profile)} was not deleted again: ${clause(why)}. ${stillBoth}`,
  );
  return `The delete of the old job did not complete again: ${clause(why)}. Both schedules still run.`;
}

// ---- pause, resume, reactivate -----------------------------------------------------------------------

/** Resolves with what the dialog shows: null when paused (and then closed, if it is still open). */
export async function sendPause(store: StoreLike, r: { profile: ProfileView; jobId: string; expression: string }): Promise<SimpleOutcome> {
  const owner = store.getState().dialog;
  const { profile, jobId, expression } = r;
  try {
    const result = await call('changes:pause', { profileId: profile.id, orgId: profile.orgId, jobId });
    await store.getState().afterChange([profile.id]);
    if (result.status !== 'paused') {
      notice(
        store,
        owner,
        `“${expression}” in ${where(profile)} may still run: the pause's delete lost its answer (${withoutLead(result.message)}). Refresh and check whether job ${jobId} is still listed; it is kept as paused here.`,
      );
      return { tone: 'unknown', text: result.message };
    }
    store.getState().notify(result.message, toneOf(!!result.warning));
    finish(store, owner, pausedKey(profile.id, result.paused.id));
    return null;
  } catch (e) {
    const message = withoutLead(messageOf(e));
    notice(store, owner, `“${expression}” was not paused in ${where(profile)}: ${message}.${/still runs/.test(message) ? '' : ' It still runs.'}`);
    return { tone: 'error', text: messageOf(e) };
  }
}

export interface RecreateWrite {
  /** 'resume' or 'reactivate': the words of the notices. */
  verb: 'resume' | 'reactivate';
  errorPrefix: string;
  /** Sends the change; resolves with the message, the job the schedule now has and any warning (said in the message). */
  create(): Promise<{ message: string; jobId: string; warning?: string }>;
}

/** Resume and reactivate: both create the expression again. Resolves with what the dialog shows (null: done). */
export async function sendRecreate(store: StoreLike, r: { profile: ProfileView; expression: string; how: RecreateWrite }): Promise<SimpleOutcome> {
  const owner = store.getState().dialog;
  const { profile, expression, how } = r;
  const done = how.verb === 'resume' ? 'resumed' : 'reactivated';
  try {
    const result = await how.create();
    await store.getState().afterChange([profile.id]);
    store.getState().notify(result.message, toneOf(!!result.warning));
    finish(store, owner, sourceKey(profile.id, result.jobId));
    return null;
  } catch (e) {
    const message = messageOf(e);
    // Resume checks the server before it creates, so it may be sent again; a second reactivate would make a second job.
    const unknown = isUnknown(e) || (how.verb === 'resume' && /may have been created/.test(message));
    notice(
      store,
      owner,
      unknown
        ? `“${expression}” may have been ${done} in ${where(profile)}: ${withoutLead(message)}. Refresh and check the list before you ${how.verb} it again${how.verb === 'resume' ? ' (resume checks the server first)' : ', or it may run twice'}.`
        : `“${expression}” was not ${done} in ${where(profile)}: ${withoutLead(message)}.`,
    );
    if (isUnknown(e) && how.verb === 'reactivate')
      return {
        tone: 'unknown',
        text: `It may have been reactivated: ${clause(message)}. Refresh and check the list before reactivating it again, or it may run twice.`,
      };
    return { tone: 'error', text: `${how.errorPrefix}${message}` };
  }
}

// ---- bulk delete -------------------------------------------------------------------------------------

export interface GroupResult {
  profileId: string;
  name: string;
  result: BulkDeleteResult | null;
  error: string | null;
}

/** One delete request per profile. Resolves with each profile's result, or null when all went (then closed). */
export async function sendBulkDelete(
  store: StoreLike,
  groups: readonly { profile: ProfileView; keys: string[]; jobIds: string[] }[],
): Promise<GroupResult[] | null> {
  const owner = store.getState().dialog;
  const out: GroupResult[] = [];
  for (const g of groups) {
    try {
      const result = await call('changes:bulk-delete', { profileId: g.profile.id, orgId: g.profile.orgId, jobIds: g.jobIds });
      out.push({ profileId: g.profile.id, name: g.profile.name, result, error: null });
    } catch (e) {
      out.push({ profileId: g.profile.id, name: g.profile.name, result: null, error: `Nothing was deleted: ${messageOf(e)}` });
    }
  }
  await store.getState().afterChange(groups.map((g) => g.profile.id));
  const count = groups.reduce((n, g) => n + g.jobIds.length, 0);
  const clean = out.every((r) => r.result && r.result.failed === 0 && r.result.steps.every((st) => st.outcome === 'ok'));
  if (clean) {
    store.getState().notify(`Deleted ${count} schedule${count === 1 ? '' : 's'}.`);
    warnSteps(
      store,
      out.flatMap((r) => r.result?.steps ?? []),
    );
    // The deleted rows are no longer picked (rows picked since stay picked).
    for (const g of groups) for (const key of g.keys) store.getState().setChecked(key, false);
    finish(store, owner, null);
    return null;
  }
  const lost = out.some((r) => r.result?.steps.some((st) => st.outcome === 'unknown'));
  const parts = out.flatMap((r, i) => {
    const profile = groups[i]!.profile;
    if (r.error) return [`${where(profile)}: nothing was deleted (${clause(r.error.replace(/^Nothing was deleted: /, ''))})`];
    if (r.result && (r.result.failed > 0 || r.result.steps.some((st) => st.outcome !== 'ok'))) return [`${where(profile)}: ${stepSummary(r.result.steps)}`];
    return [];
  });
  notice(
    store,
    owner,
    `The delete of ${count} schedule${count === 1 ? '' : 's'} did not complete everywhere: ${parts.join('; ')}. ` +
      (lost ? 'Some answers were lost, so those may or may not be deleted: refresh and check the list before deleting again.' : 'Refresh to see what is left.'),
  );
  return out;
}

// ---- copy --------------------------------------------------------------------------------------------

export async function sendCopy(
  store: StoreLike,
  r: { source: ProfileView; jobIds: string[]; targets: { profileId: string; orgId: string }[]; allowTooFrequent: boolean; onResult(result: CopyResult): void },
): Promise<WriteFailure | null> {
  const owner = store.getState().dialog;
  const nameOf = (id: string) => {
    const p = store.getState().profiles.find((x) => x.id === id);
    return p ? where(p) : id;
  };
  try {
    const out = await call('changes:copy', {
      sourceProfileId: r.source.id,
      jobIds: r.jobIds,
      targets: r.targets,
      ...(r.allowTooFrequent ? { allowTooFrequent: true } : {}),
    });
    r.onResult(out);
    await store.getState().afterChange(r.targets.map((t) => t.profileId));
    const short = out.targets.filter((t) => t.status !== 'done' && t.status !== 'nothing-to-do');
    if (short.length === 0) {
      store.getState().notify(`Copied to ${out.targets.length} profile${out.targets.length === 1 ? '' : 's'}.`);
      warnSteps(
        store,
        out.targets.flatMap((t) => t.steps),
      );
      return null;
    }
    const lost = short.some((t) => t.steps.some((st) => st.outcome === 'unknown'));
    const parts = short.map((t) => `${nameOf(t.profileId)}: ${t.status === 'refused' ? `refused (${clause(t.error.message)})` : clause(t.message)}`);
    notice(
      store,
      owner,
      `The copy from ${where(r.source)} did not finish everywhere: ${parts.join('; ')}. ` +
        (lost
          ? 'Some answers were lost: refresh and check those profiles before copying again, or a schedule may exist twice there.'
          : 'Refresh, then copy again to the profiles it did not reach.'),
    );
    return null;
  } catch (e) {
    const why = clause(messageOf(e));
    const targets = r.targets.map((t) => nameOf(t.profileId)).join(', ');
    if (isUnknown(e)) {
      const check = 'Refresh and check those profiles before copying again.';
      notice(store, owner, `The copy from ${where(r.source)} may have created schedules in ${targets}: ${why}. ${check}`);
      return { tone: 'unknown', text: `Schedules may have been copied: ${why}. ${check}` };
    }
    notice(store, owner, `Nothing was copied from ${where(r.source)} to ${targets}: ${why}.`);
    return { tone: 'error', text: `Nothing was copied: ${messageOf(e)}` };
  }
}

// ---- schedules as code: apply ------------------------------------------------------------------------

export type ApplySent = { result: ApplyResult; error: null } | { result: null; error: WriteFailure };

export async function sendApply(
  store: StoreLike,
  r: { profile: ProfileView; source: PlanSource; planId: string; orgId: string; allowTooFrequent: boolean },
): Promise<ApplySent> {
  const owner = store.getState().dialog;
  const { profile } = r;
  let result: ApplyResult;
  try {
    result = await call('changes:apply', {
      source: r.source,
      targetProfileId: profile.id,
      planId: r.planId,
      orgId: r.orgId,
      ...(r.allowTooFrequent ? { allowTooFrequent: true } : {}),
    });
  } catch (e) {
    const why = clause(messageOf(e));
    if (isUnknown(e)) {
      const check = 'Refresh, then plan again to see where it stands.';
      notice(store, owner, `The plan may have been applied in part to ${where(profile)}: ${why}. ${check}`);
      return { result: null, error: { tone: 'unknown', text: `The plan may have been applied in part: ${why}. ${check}` } };
    }
    notice(store, owner, `Nothing was applied to ${where(profile)}: ${why}.`);
    return { result: null, error: { tone: 'error', text: `Nothing was applied: ${messageOf(e)}` } };
  }
  if (result.status === 'changed') {
    notice(store, owner, `Nothing was applied to ${where(profile)}: it or the source changed since the plan was made. Open Schedules as code and plan again.`);
    return { result, error: null };
  }
  await store.getState().afterChange([profile.id]);
  if (result.status !== 'stopped') store.getState().notify(`${profile.name}: ${result.message}`, toneOf(stepWarnings(result.steps).length > 0));
  else {
    const lost = result.steps.some((st) => st.outcome === 'unknown');
    notice(
      store,
      owner,
      `Applying the plan to ${where(profile)} stopped: ${clause(result.message)}.${lost ? ' Some answers were lost: refresh and check the list before applying again.' : ''}`,
    );
  }
  return { result, error: null };
}
