// Asks main for the history of the shown profiles over the days a view shows (up to now), again when
// a list changes (a refresh may have recorded a new execution). A failed answer only leaves marks out.
import { useEffect, useMemo, useState } from 'react';
import type { HistoryAnswer } from '@shared/ipc';
import type { ScheduleSource } from '../schedule-view-types';
import { call } from '../api-client';
import { useAppStore } from '../store';
import { sourceIndex } from '../sources/source-index';
import { pastMarksByDay, pastMarksBySource, type PastMark, type SourceKeys } from './past-marks';

/** The calendar's marks, by ISO day in `zone`. */
export function usePastMarks(sources: readonly ScheduleSource[], from: Date, to: Date, now: Date, zone: string): Map<string, PastMark[]> {
  const { answers, keys } = useHistoryAnswers(sources, from, to, now);
  return useMemo(() => pastMarksByDay(answers, keys, zone), [answers, keys, zone]);
}

/** The timeline's marks, by source key. */
export function usePastMarksBySource(sources: readonly ScheduleSource[], from: Date, to: Date, now: Date): Map<string, PastMark[]> {
  const { answers, keys } = useHistoryAnswers(sources, from, to, now);
  return useMemo(() => pastMarksBySource(answers, keys), [answers, keys]);
}

const NONE = new Map<string, HistoryAnswer>();

function useHistoryAnswers(
  sources: readonly ScheduleSource[],
  from: Date,
  to: Date,
  now: Date,
): { answers: ReadonlyMap<string, HistoryAnswer>; keys: SourceKeys } {
  const { profileIds, byKey: keys } = sourceIndex(sources);
  const listedAt = useAppStore((s) => profileIds.map((id) => s.lists[id]?.list?.fetchedAt ?? '').join('|'));
  const end = Math.min(to.getTime(), now.getTime());
  const start = from.getTime();
  const [answers, setAnswers] = useState<Map<string, HistoryAnswer>>(new Map());
  useEffect(() => {
    if (end <= start || profileIds.length === 0) return;
    let current = true;
    const window = { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
    void Promise.all(
      profileIds.map((profileId) =>
        call('history:list', { profileId, ...window }).then(
          (answer) => [profileId, answer] as const,
          () => null,
        ),
      ),
    ).then((results) => {
      if (current) setAnswers(new Map(results.filter((r) => r !== null)));
    });
    return () => {
      current = false;
    };
    // `listedAt` is the trigger: a new list may hold a new execution. The end moves with the minute.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profileIds.join('|'), start, Math.floor(end / 60_000), listedAt]);
  // A window wholly in the future has no past; an older answer for another window is not drawn.
  const none = end <= start || profileIds.length === 0;
  return { answers: none ? NONE : answers, keys };
}
