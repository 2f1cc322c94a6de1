// The past on the calendar: each recorded execution of a shown schedule as a mark on its day, and each
// expected fire a list proved unanswered as a hollow red mark. Built from `history:list`, whose fires
// are the shared pastFires of each job in the profile's server zone.
import type { HistoryAnswer } from '@shared/ipc';
import { civilDateOf, isoDate } from '../common/time';

export interface PastMark {
  sourceKey: string;
  at: Date;
  /** ran: an execution (on time, late or extra); missed: an expected fire nothing answered. */
  kind: 'ran' | 'missed';
  /** For a run: on-time / late / extra. */
  verdict: 'on-time' | 'late' | 'extra' | 'missed';
}

/** The keys of the sources shown (a set, or the list's index by key). */
export interface SourceKeys {
  has(key: string): boolean;
}

/** Marks by ISO day (in `zone`), each day's in time order; only for the given source keys. */
export function pastMarksByDay(answers: ReadonlyMap<string, HistoryAnswer>, keys: SourceKeys, zone: string): Map<string, PastMark[]> {
  return groupMarks(answers, keys, (mark) => isoDate(civilDateOf(mark.at, zone)));
}

/** Marks by source key (a timeline lane), each in time order. */
export function pastMarksBySource(answers: ReadonlyMap<string, HistoryAnswer>, keys: SourceKeys): Map<string, PastMark[]> {
  return groupMarks(answers, keys, (mark) => mark.sourceKey);
}

function groupMarks(answers: ReadonlyMap<string, HistoryAnswer>, keys: SourceKeys, groupOf: (mark: PastMark) => string): Map<string, PastMark[]> {
  const byDay = new Map<string, PastMark[]>();
  const add = (mark: PastMark) => {
    const group = groupOf(mark);
    const list = byDay.get(group);
    if (list) list.push(mark);
    else byDay.set(group, [mark]);
  };
  for (const [profileId, answer] of answers) {
    for (const e of answer.executions) {
      const sourceKey = `${profileId}:${e.jobId}`;
      if (keys.has(sourceKey)) add({ sourceKey, at: new Date(e.executedAt), kind: 'ran', verdict: e.verdict });
    }
    for (const f of answer.fires) {
      const sourceKey = `${profileId}:${f.jobId}`;
      if (f.verdict === 'missed' && keys.has(sourceKey)) add({ sourceKey, at: new Date(f.at), kind: 'missed', verdict: 'missed' });
    }
  }
  for (const list of byDay.values()) list.sort((a, b) => a.at.getTime() - b.at.getTime());
  return byDay;
}
