// The create dialog's pure logic: the builder's fields <-> the raw expression, the live check that
// names the field at fault, and which schedules count as "the same org" for the clash warning.
import type { CronField, Validation } from '@shared/cron';
import { QUARTZ_FIELDS } from '@shared/cron/fields';
import type { ProfileView, Schedule } from '@shared/domain';
import { validate } from '../common/schedule-info';

/** The builder's inputs, straight from the engine's field table ("Day-of-week" shows as "Day of week"). */
export const FIELDS: { field: CronField; label: string; hint: string; examples: string }[] = QUARTZ_FIELDS.map((f) => ({
  field: f.field,
  label: `${f.label.replace(/-/g, ' ')}${f.optional ? ' (optional)' : ''}`,
  hint: f.hint,
  examples: f.examples.map((x) => `${x.value} = ${x.meaning}`).join('; '),
}));

/** The raw expression as seven builder fields ('' for a missing one). */
export function splitFields(expression: string): string[] {
  const parts = expression.trim().split(/\s+/).filter(Boolean);
  return FIELDS.map((_, i) => parts[i] ?? '');
}

/** Joins the fields; an emptied field stays empty (the validator then names it) rather than becoming '*'. */
export function joinFields(parts: string[]): string {
  const trimmed = [...parts];
  while (trimmed.length > 6 && (trimmed[trimmed.length - 1] ?? '') === '') trimmed.pop();
  return trimmed.join(' ');
}

/** The expression as the server will get it: trimmed, single spaces. */
export function normalizeExpression(expression: string): string {
  return expression.trim().replace(/\s+/g, ' ');
}

/** Live validation: an empty box, an emptied builder field (by name), then the engine's verdict. */
export function checkExpression(expression: string): Validation {
  const trimmed = normalizeExpression(expression);
  if (trimmed === '') return { ok: false, field: 'expression', message: 'Enter an expression.' };
  // A builder field left empty shows as a gap in the raw text: name it rather than let fields shift.
  const parts = expression.replace(/^\s+/, '').split(' ');
  const gap = parts.slice(0, 6).findIndex((p, i) => p === '' && i < parts.length - 1);
  const empty = gap >= 0 ? FIELDS[gap] : undefined;
  if (empty) return emptied(empty);
  const verdict = validate(trimmed);
  // An emptied Seconds field leaves only a leading space, like one typed there: when the rest reads as a
  // whole expression once a seconds value is put first, what is missing is the seconds, not the field
  // after them (which the shifted text would blame).
  const seconds = FIELDS[0];
  if (!verdict.ok && seconds && /^\s/.test(expression) && validate(`0 ${trimmed}`).ok) return emptied(seconds);
  return verdict;
}

function emptied(field: (typeof FIELDS)[number]): Validation {
  return { ok: false, field: field.field, message: `${field.label} is empty: enter ${field.hint}, or * for every value.` };
}

/** The message shown under the box, starting with the field at fault unless the engine's message already does. */
export function validationMessage(validation: Validation): string {
  if (validation.ok) return '';
  const label = FIELDS.find((f) => f.field === validation.field)?.label.replace(' (optional)', '');
  const message = validation.message;
  return label && !message.toLowerCase().replace(/-/g, ' ').startsWith(label.toLowerCase()) ? `${label}: ${message}` : message;
}

/** Active schedules of the same org: this profile's and any profile's pointing at the same server and org. */
export function sameOrgSchedules(
  profile: Pick<ProfileView, 'id' | 'apiUrl' | 'orgId'>,
  profiles: readonly Pick<ProfileView, 'id' | 'apiUrl' | 'orgId'>[],
  schedulesOf: (profileId: string) => readonly Schedule[],
): Schedule[] {
  const sameOrg = profiles.filter((p) => p.id === profile.id || (p.apiUrl === profile.apiUrl && p.orgId === profile.orgId));
  return sameOrg.flatMap((p) => schedulesOf(p.id)).filter((x) => x.active !== false);
}
