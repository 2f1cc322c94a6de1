// The linter before a create sent from the create dialog: the renderer lints too, but the core is the
// one that sends, so an expression Quartz would reject or run far too often never reaches the server
// whatever the request says. The change flows lint their own plans with the same rule (changes/verdicts.ts).
import type { Profile } from '@shared/domain';
import { assertWritable, lintFor } from '@core/changes/verdicts';

export interface CreateLint {
  /** The user's explicit override for 'too-frequent' alone (sent with the org the request confirms). */
  allowTooFrequent: boolean;
}

/** Refuses (invalid-input, nothing sent) an expression with an error verdict; warnings pass. */
export function assertCreatable(profile: Profile, timeExpression: string, lint: CreateLint, now: Date): void {
  // Duplicates are warnings, so the org's other schedules are not needed to decide. The zone was checked
  // when the profile was saved.
  assertWritable(lintFor(timeExpression, { timeZone: profile.serverTimeZone, now, existing: [], allowTooFrequent: lint.allowTooFrequent }));
}
