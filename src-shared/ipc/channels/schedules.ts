// Schedule lists, refreshing many profiles, create and delete.
import { z } from 'zod';
import type { Schedule, ScheduleList } from '../../domain';
import { channel } from '../define';
import { id } from '../schemas';
import type { RefreshEntry } from '../types';

const orgId = z.string().min(1).max(200);

export const scheduleChannels = {
  /** Live when the server answers; otherwise the last snapshot, marked stale. */
  'schedules:list': channel(z.object({ profileId: id }).strict()).returns<ScheduleList>(),
  /**
   * Lists many profiles at once, at most a few requests in flight per server; one entry per id in the
   * order asked, each a list or that profile's error. Progress is pushed as `schedules:refresh-progress`.
   */
  'schedules:refresh': channel(z.object({ profileIds: z.array(id).max(10_000) }).strict()).returns<RefreshEntry[]>(),
  /** orgId is the org the user confirmed; main refuses when it is not the profile's. */
  'schedules:create': channel(z.object({ profileId: id, orgId, timeExpression: z.string().min(1).max(500) }).strict()).returns<Schedule & { warning: string | null; reconciled: boolean }>(),
  'schedules:delete': channel(z.object({ profileId: id, orgId, jobId: z.string().min(1).max(128) }).strict()).returns<{ deleted: true; jobId: string; warning: string | null; reconciled: boolean }>(),
};
