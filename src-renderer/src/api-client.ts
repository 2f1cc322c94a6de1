// Thin wrapper over window.api: unwraps Result<T> so slices can await values and catch AppErrors.
import type { AppError } from '@shared/domain';
import type { Channel, RequestOf, ResponseOf } from '@shared/ipc';

export class ApiError extends Error {
  readonly kind: AppError['kind'];
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.kind = error.kind;
  }
}

export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const api = window.api as unknown as Record<
    C,
    ((r: RequestOf<C>) => Promise<{ ok: true; value: ResponseOf<C> } | { ok: false; error: AppError }>) | undefined
  >;
  const fn = api?.[channel];
  if (!fn) throw new ApiError({ kind: 'internal', message: 'The app bridge is missing: restart the app.' });
  let result;
  try {
    result = await fn(request);
  } catch {
    throw new ApiError({ kind: 'internal', message: `The app could not reach its main process (${channel}). Restart the app.` });
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** A message a person can act on, from anything a call may throw. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
