// Public seam of the AtScale connection layer (checks outside the project call it; keep it stable).
export { createAtScaleClient } from './client';
export type { AtScaleClient, DeleteResult } from './client';
export type { AtScaleClientOptions, AtScaleCredentials, RetryOptions } from './options';
export { DEFAULT_TIMEOUT_MS } from './options';
export { AtScaleError, isAtScaleError, redactSecrets } from './errors';
export type { AtScaleErrorKind, AtScaleStep } from './errors';
export { mapWithConcurrency, DEFAULT_CONCURRENCY } from './concurrency';
