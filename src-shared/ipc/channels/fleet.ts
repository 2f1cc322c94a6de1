// Fleet planning settings per profile: blackout windows, and the run length assumed where no execution
// history says how long an org's maintenance takes.
import { z } from 'zod';
import { MAX_RUN_MINUTES, type Blackout } from '../../fleet/types';
import { channel } from '../define';
import { id } from '../schemas';

const hhmm = z.string().regex(/^\d{1,2}:\d{2}$/, 'must be HH:MM, e.g. 07:00');
const label = z.string().trim().max(80).optional();

export const blackoutSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('weekly'),
      days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
      start: hhmm,
      end: hhmm,
      timeZone: z.string().trim().min(1).max(64),
      label,
    })
    .strict(),
  z.object({ kind: z.literal('dates'), from: z.string().min(1).max(40), to: z.string().min(1).max(40), label }).strict(),
]);

// Declared with the zod-free fleet types, so a view that needs only the default (the calendar's blackout
// flags) never pulls the schemas into its chunk.
export { DEFAULT_RUN_MINUTES, MAX_RUN_MINUTES } from '../../fleet/types';

/** One profile's planning settings. */
export interface FleetProfileSettings {
  profileId: string;
  blackouts: Blackout[];
  /** The run length the load view, overlaps and suggestions assume for this org's schedules. */
  runMinutes: number;
}

export const fleetChannels = {
  /** Every known profile's settings (defaults where none were saved), or only the one asked for. */
  'blackouts:get': channel(z.object({ profileId: id.optional() }).strict()).returns<FleetProfileSettings[]>(),
  /** Replaces a profile's blackout windows; refused, naming the window, when one is unusable. */
  'blackouts:set': channel(z.object({ profileId: id, blackouts: z.array(blackoutSchema).max(50) }).strict()).returns<FleetProfileSettings>(),
  'durations:set': channel(z.object({ profileId: id, runMinutes: z.number().int().min(1).max(MAX_RUN_MINUTES) }).strict()).returns<FleetProfileSettings>(),
};
