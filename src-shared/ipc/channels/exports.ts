// Exports of upcoming runs (iCalendar, CSV), schedules and the audit log, and saving a text file.
import { z } from 'zod';
import type { ErrorKind } from '../../domain';
import { channel } from '../define';
import { id } from '../schemas';

/** The longest export window: a year and a month, enough for any planning horizon. */
export const MAX_EXPORT_DAYS = 400;

/** The longest text files:save takes, in UTF-16 code units (what zod counts): 64 MiB of ASCII. Exports refuse beyond it. */
export const MAX_SAVE_TEXT_LENGTH = 64 * 1024 * 1024;

const instant = z.string().min(1).max(40);
const profileIds = z.array(id).min(1).max(10_000);

export type CsvKind = 'schedules' | 'runs' | 'audit';

/** Desktop: the system save dialog. Where there is none (the browser version), 'unavailable': download instead. */
export type SaveFileResult = { status: 'saved'; path: string } | { status: 'cancelled' } | { status: 'unavailable' };

/** A profile an export took from its last saved list: when that list was fetched (ISO) and why the server was not asked. */
export interface ExportSavedProfile {
  profileId: string;
  name: string;
  fetchedAt: string;
  reason: string;
}

/** A profile an export had to leave out: neither its server nor a saved list could give its schedules. */
export interface ExportLeftOutProfile {
  profileId: string;
  name: string;
  kind: ErrorKind;
  /** Why, in words (redacted like any error message). */
  reason: string;
}

/**
 * What an export of schedules (.ics, CSV of runs or schedules) says beside its text, each only when it has
 * something to say: the profiles shown from their saved list, the profiles left out, and both in one
 * sentence to show the user. An export whose every profile would be left out fails instead.
 */
export interface ExportNotes {
  saved?: ExportSavedProfile[];
  leftOut?: ExportLeftOutProfile[];
  warning?: string;
}

export const exportChannels = {
  /** One VEVENT per run in [from, to) of the profiles' active schedules, at the instant Quartz fires it. */
  'export:ics': channel(z.object({ profileIds, from: instant, to: instant }).strict()).returns<{ text: string; events: number } & ExportNotes>(),
  /** schedules: every schedule with health, next run and latest execution; runs: each run in [from, to); audit: the log. */
  'export:csv': channel(
    z.object({ kind: z.enum(['schedules', 'runs', 'audit']), profileIds, from: instant.optional(), to: instant.optional() }).strict(),
  ).returns<{ text: string; rows: number } & ExportNotes>(),
  'files:save': channel(
    z.object({ suggestedName: z.string().trim().min(1).max(200), text: z.string().max(MAX_SAVE_TEXT_LENGTH) }).strict(),
  ).returns<SaveFileResult>(),
};
