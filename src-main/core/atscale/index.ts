// Public seam of the AtScale connection layer (checks outside the project call it; keep it stable).
export { createAtScaleClient } from './client';
export type { AtScaleClient, DeleteResult } from './client';
export type { AtScaleClientOptions, AtScaleCredentials, RetryOptions } from './options';
export { DEFAULT_TIMEOUT_MS, pathSegmentProblem } from './options';
export { AtScaleError, isAtScaleError, redactSecrets, excerpt } from './errors';
export type { AtScaleErrorKind, AtScaleStep } from './errors';
export { DESIGN_CENTER_APIS_OFF } from './maintenance';
export type { ClientOrg, ClientRunNowResult, ClientRunningJob, ClientSessionToken } from '@core/atscale-port';
