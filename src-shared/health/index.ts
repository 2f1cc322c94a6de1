// PUBLIC SEAM of schedule health: import from '@shared/health'.
export * from './types';
export { classifyHealth, DEFAULT_GRACE_MS, EARLY_TOLERANCE_MS, LOOKBACK_MS } from './classify';
export { explainHealth, formatLateness, worstVerdict, VERDICT_SEVERITY } from './explain';
export { suggestServerZone, COMMON_SERVER_ZONES, type ZoneSuggestion, type ZoneSuggestionInput } from './zone-sanity';
export { lastFireAtOrBefore, nextFireAfter } from './fires';
