// PUBLIC SEAM of fleet planning: import from '@shared/fleet'.
export * from './types';
export { serverKeyOf } from './server-key';
export { blackoutHit, blackoutProblem, inBlackout } from './blackout';
export { runsInBlackout, type BlackoutRun } from './blackout-runs';
export { computeLoad, MAX_BUCKETS, RunCache, type LoadCells, type LoadInput, type LoadResult, type ServerLoad, type WeekHourSummary } from './load';
export { findOverlaps, type Overlap, type OverlapInput, type OverlapResult } from './overlaps';
export { suggestSlots, type SlotInput, type SlotSuggestion } from './slots';
export { runsInWindow, type CellRuns } from './cell-runs';
export { DEFAULT_RUN_LIMIT, occupyingRuns, type SourceRuns } from './runs';
export { wallTime, zoneOffsetMs, type WallTime } from './wall-clock';
