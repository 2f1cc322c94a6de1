// PUBLIC SEAM of schedule health: import from '@shared/health'.
export * from './types';
export { classifyHealth, DEFAULT_GRACE_MS, EARLY_TOLERANCE_MS, LOOKBACK_MS } from './classify';
export { countGroupsByWorst, describeHealthCounts, explainHealth, formatLateness, worstVerdict, VERDICT_SEVERITY } from './explain';
export { matchExecutions, pastFires, type ExecutionMatch, type HistoryInput, type HistoryOptions, type PastFire, type PastFiresOptions } from './history';
export { suggestServerZone, COMMON_SERVER_ZONES, type ZoneSuggestion, type ZoneSuggestionInput } from './zone-sanity';
export { lastFireAtOrBefore, nextFireAfter } from './fires';
