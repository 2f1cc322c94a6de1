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

const nextCache = new Map<string, Date | null>();

/** The next fire time, cached per minute (the list re-renders often). */
export function nextRun(expression: string, timeZone: string, now: Date): Date | null {
  const minute = Math.floor(now.getTime() / 60_000);
  const key = `${expression}|${timeZone}|${minute}`;
  if (!nextCache.has(key)) {
    if (nextCache.size > 5000) nextCache.clear();
    nextCache.set(key, upcoming(expression, timeZone, now, 1)[0] ?? null);
  }
  return nextCache.get(key) ?? null;
}
