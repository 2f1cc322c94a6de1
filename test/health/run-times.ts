// Time units and run records for the health suites: instants as epoch ms, executions at those instants.
import type { ExecutionRecord } from '@shared/health';

export const MIN = 60_000;
export const H = 60 * MIN;
export const DAY = 24 * H;
/** The grace the suites judge a run by. */
export const GRACE = 30 * MIN;
export const ms = (iso: string): number => Date.parse(iso);
export const iso = (t: number): string => new Date(t).toISOString();
/** Executions at these instants, ids e0, e1, … in order. */
export const runs = (...times: number[]): ExecutionRecord[] => times.map((t, i) => ({ id: `e${i}`, executedAt: iso(t) }));
