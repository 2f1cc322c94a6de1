// Schedule lists, refreshing many profiles, create and delete.
import { z } from 'zod';
import type { Schedule, ScheduleList } from '../../domain';
import { channel } from '../define';
import { id } from '../schemas';
import type { RefreshEntry } from '../types';

const orgId = z.string().min(1).max(200);
/** A refresh's id as the caller names it: echoed in its progress events, so plain visible ASCII only. */
const refreshId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, { message: 'must be letters, digits or punctuation, without spaces' });

/** What a write that the server accepted answers (see the core's write-effects rule). */
export interface WriteNotes {
  warning: string | null;
  reconciled: boolean;
}
export type CreatedSchedule = Schedule & WriteNotes;
export type DeletedSchedule = { deleted: true; jobId: string } & WriteNotes;

export const scheduleChannels = {
  /** Live when the server answers; otherwise the last snapshot, marked stale. */
  'schedules:list': channel(z.object({ profileId: id }).strict()).returns<ScheduleList>(),
  /**
   * Lists many profiles at once, at most a few requests in flight per server; one entry per id in the
   * order asked, each a list or that profile's error. Progress is pushed as `schedules:refresh-progress`,
   * each event carrying the refresh's id: `refreshId` when the caller gives one (to follow its own
   * refresh among overlapping ones), else one the core makes.
   */
  'schedules:refresh': channel(z.object({ profileIds: z.array(id).max(10_000), refreshId: refreshId.optional() }).strict()).returns<RefreshEntry[]>(),
  /** orgId is the org the user confirmed; main refuses when it is not the profile's. */
  /**
   * `reconciled`: the answer was lost and a re-list showed the job created. `warning`: the server
   * accepted it but a local record (audit log, snapshot) could not be written. The core lints the
   * expression first: an error verdict refuses it; `allowTooFrequent` is the user's explicit override for
   * 'too-frequent' alone.
   */
  'schedules:create': channel(
    z.object({ profileId: id, orgId, timeExpression: z.string().min(1).max(500), allowTooFrequent: z.boolean().optional() }).strict(),
  ).returns<CreatedSchedule>(),
  'schedules:delete': channel(z.object({ profileId: id, orgId, jobId: z.string().min(1).max(128) }).strict()).returns<DeletedSchedule>(),
};
