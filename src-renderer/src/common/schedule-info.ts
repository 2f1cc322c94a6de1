// Engine calls the UI makes on every render, guarded and cached: a bad expression from a server
// must not blank the screen, and describing the same expression twice is wasted work.
import { nextRuns, validateQuartz, type Validation } from '@shared/cron';
import { describeQuartz, loadDescriptionLocale, onDescriptionLocaleLoaded } from '@shared/cron/describe';

const descriptions = new Map<string, string>();
// Words in the user's locale; English where cronstrue has no such locale, and until its words arrive.
const locale = (globalThis as { navigator?: { language?: string } }).navigator?.language;
void loadDescriptionLocale(locale);

let descriptionsVersion = 0;
const changeListeners = new Set<() => void>();
onDescriptionLocaleLoaded(() => {
  // Everything described so far is in English: drop it and let the views redraw in the locale.
  descriptions.clear();
  descriptionsVersion += 1;
  for (const listener of changeListeners) listener();
});

/** Calls `listener` when descriptions change language (the user's locale arrived). Returns unsubscribe. */
export function onDescriptionsChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Bumped each time descriptions change language: part of any cache key holding described text. */
export function descriptionVersion(): number {
  return descriptionsVersion;
}

export function describe(expression: string): string {
  let text = descriptions.get(expression);
  if (text === undefined) {
    try {
      text = describeQuartz(expression, { locale, use24HourTimeFormat: true });
    } catch (error) {
      text = `Cannot describe: ${error instanceof Error ? error.message : String(error)}`;
    }
    descriptions.set(expression, text);
  }
  return text;
}

export function validate(expression: string): Validation {
  try {
    return validateQuartz(expression);
  } catch (error) {
    return { ok: false, field: 'expression', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Up to `count` fire times after `after`, or an empty list when the engine refuses. */
export function upcoming(expression: string, timeZone: string, after: Date, count: number): Date[] {
  try {
    return nextRuns(expression, { after, count, timeZone });
  } catch {
    return [];
  }
}

/**
 * Per expression and zone, the last next run computed and the time it was computed from. It stays the
 * next run for any `now` from then until it passes (no fire lies between), so a clock tick recomputes
 * only the schedules that just fired, and 10,000 schedules never thrash a per-minute key.
 */
const nextCache = new Map<string, { from: number; next: number | null }>();
const NEXT_CACHE_MAX = 50_000;

/** The next fire time after `now`, or null (never again, or the engine refuses the expression). */
export function nextRun(expression: string, timeZone: string, now: Date): Date | null {
  const at = now.getTime();
  const key = `${expression}|${timeZone}`;
  const hit = nextCache.get(key);
  if (hit && hit.from <= at && (hit.next === null || at < hit.next)) return hit.next === null ? null : new Date(hit.next);
  if (nextCache.size >= NEXT_CACHE_MAX) nextCache.clear();
  const next = upcoming(expression, timeZone, now, 1)[0] ?? null;
  nextCache.set(key, { from: at, next: next === null ? null : next.getTime() });
  return next;
}
