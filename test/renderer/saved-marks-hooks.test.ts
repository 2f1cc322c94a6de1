// The saved mark as a view reads it from the store: every profile's mark for a list or lane view, one
// profile's for a calendar chip.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { settleWithList, type ProfileSchedules } from '@renderer/store/schedule-state';
import { useSavedMark, useSavedMarks, type SavedMark } from '@renderer/sources/saved-marks';
import { liveList, schedule, snapshotList } from './support/fake-api';

// The store as a view sees it (a server render of the real store would read its initial state only).
const store = vi.hoisted(() => ({ lists: {} as Record<string, ProfileSchedules> }));
vi.mock('@renderer/store', () => ({ useAppStore: <T>(select: (st: typeof store) => T): T => select(store) }));

const now = new Date('2026-12-02T13:00:00Z');
const savedAt = new Date('2026-12-01T22:00:00Z');
const rows = [schedule('a', '0 0 4 ? * *')];

function render<T>(hook: () => T): T {
  let seen: { value: T } | undefined;
  const View = () => {
    seen = { value: hook() };
    return null;
  };
  renderToString(createElement(View));
  if (!seen) throw new Error('the view did not render');
  return seen.value;
}

beforeEach(() => {
  store.lists = {
    live: settleWithList(undefined, liveList('live', now, rows), now),
    saved: settleWithList(undefined, snapshotList('saved', savedAt, rows, { kind: 'network', reason: 'down' }), now),
  };
});

describe('saved marks read by views', () => {
  it('a view of every profile gets the marks of the saved ones only', () => {
    const marks: ReadonlyMap<string, SavedMark> = render(() => useSavedMarks());
    expect([...marks.keys()]).toEqual(['saved']);
    expect(marks.get('saved')?.fetchedAt).toBe(savedAt.toISOString());
  });

  it('a chip of a saved profile gets its mark; a live or unknown profile, none', () => {
    expect(render(() => useSavedMark('saved'))?.fetchedAt).toBe(savedAt.toISOString());
    expect(render(() => useSavedMark('live'))).toBeNull();
    expect(render(() => useSavedMark(undefined))).toBeNull();
    expect(render(() => useSavedMark('absent'))).toBeNull();
  });
});
