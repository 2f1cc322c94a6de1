// One command line run's view of the core: calls a handler and turns { ok: false } into a failure,
// finds a profile by name or id, and, with --secrets memory, gives the core a profile's secret from the
// environment (never from the arguments; it is never printed).
import type { AppCore } from '@core/app-core';
import type { AppError, ProfileView } from '@shared/domain';
import type { Channel, RequestOf, ResponseOf, Result } from '@shared/ipc';
import type { ExpressionVerdict } from '@shared/ipc/channels/changes';
import { UsageError } from './usage';

const LIST_HINT = 'Run `atscale-schedules profiles` to list the profiles.';

/** A failure as --json prints it under "error": the core's error, with what the command line adds (e.g. verdicts). */
export type FailureDetail = AppError & { readonly verdicts?: readonly ExpressionVerdict[] };

export interface FailureOptions {
  /** The stderr line when it differs from the JSON message. */
  human?: string;
  /** Printed beside ok and error in --json (e.g. the plan that could not be trusted). */
  extra?: Record<string, unknown>;
}

/** A handler answered with an error (or the command refuses): exit code 1, its message printed. */
export class CommandFailure extends Error {
  readonly error: FailureDetail;
  readonly human: string;
  readonly extra: Record<string, unknown>;
  constructor(error: FailureDetail, options: FailureOptions = {}) {
    super(error.message);
    this.name = 'CommandFailure';
    this.error = error;
    this.human = options.human ?? error.message;
    this.extra = options.extra ?? {};
  }
}

export interface Session {
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** The profile named or with this id, ready to connect (its secret given from the environment in memory mode). */
  profile(nameOrId: string): Promise<ProfileView>;
}

/** ATSCALE_SECRET_<ID>: the id upper-cased, anything but letters and digits as '_'. */
export function secretVariable(profileId: string): string {
  return `ATSCALE_SECRET_${profileId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function openSession(core: AppCore, options: { secrets: 'keychain' | 'memory'; env: NodeJS.ProcessEnv }): Session {
  const given = new Set<string>();
  const call = async <C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = (await core.handlers[channel](request)) as Result<ResponseOf<C>>;
    if (!result.ok) throw new CommandFailure(result.error);
    return result.value;
  };
  return {
    call,
    async profile(nameOrId) {
      const profiles = await call('profiles:list', {});
      const found = pick(profiles, nameOrId);
      if (options.secrets === 'memory' && !given.has(found.id)) {
        const variable = secretVariable(found.id);
        const secret = options.env[variable] ?? options.env['ATSCALE_SECRET'];
        if (secret === undefined || secret === '') {
          throw new CommandFailure({
            kind: 'no-secret',
            message: `No secret for "${found.name}" with --secrets memory: set ${variable} (or ATSCALE_SECRET) to its ${found.signIn === 'password' ? 'password' : 'API token'}.`,
          });
        }
        await call('secrets:set', { profileId: found.id, secret, storage: 'memory' });
        given.add(found.id);
      }
      return found;
    },
  };
}

function pick(profiles: readonly ProfileView[], nameOrId: string): ProfileView {
  const byId = profiles.find((p) => p.id === nameOrId);
  if (byId) return byId;
  const exact = profiles.filter((p) => p.name === nameOrId);
  const matches = exact.length > 0 ? exact : profiles.filter((p) => p.name.toLowerCase() === nameOrId.toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new UsageError(`${matches.length} profiles are named "${nameOrId}"; give the id instead (${matches.map((p) => p.id).join(', ')}).`, LIST_HINT);
  const names = profiles.map((p) => `"${p.name}"`).join(', ');
  throw new UsageError(`there is no profile "${nameOrId}" (${profiles.length === 0 ? 'no profiles in this data folder' : `profiles: ${names}`}).`, LIST_HINT);
}
