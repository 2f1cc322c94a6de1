// The one IPC contract. Each channel is declared once (in ./channels/*) with its request schema and
// response type; main's handlers, the preload bridge, the browser harness and the renderer client all
// derive their types and the channel list from `contract` and `events` below.
import type { CommandId } from '../commands';
import type { ProfileView } from '../domain';
import { pushEvent, type ParsedRequestOfSpec, type PayloadOfSpec, type RequestOfSpec, type ResponseOfSpec } from './define';
import { appChannels } from './channels/app';
import { auditChannels } from './channels/audit';
import { healthChannels, type AppNotification, type RunningState } from './channels/health';
import { changeChannels } from './channels/changes';
import { connectionChannels } from './channels/connections';
import { exportChannels } from './channels/exports';
import { fleetChannels } from './channels/fleet';
import { profileChannels } from './channels/profiles';
import { scheduleChannels } from './channels/schedules';
import type { AppInfo, RefreshProgress, Result } from './types';

export * from './types';
export type * from './channels/health';

export const contract = {
  ...appChannels,
  ...profileChannels,
  ...scheduleChannels,
  ...auditChannels,
  ...healthChannels,
  ...changeChannels,
  ...connectionChannels,
  ...exportChannels,
  ...fleetChannels,
};

type Specs = typeof contract;
export type Channel = keyof Specs;
/** What the renderer sends. */
export type RequestOf<C extends Channel> = RequestOfSpec<Specs[C]>;
/** What a handler receives once main has validated (and trimmed, defaulted) the request. */
export type ParsedRequestOf<C extends Channel> = ParsedRequestOfSpec<Specs[C]>;
export type ResponseOf<C extends Channel> = ResponseOfSpec<Specs[C]>;
/** channel -> [request, response], for code that wants the pairs. */
export type Contract = { [C in Channel]: [RequestOf<C>, ResponseOf<C>] };

export const CHANNELS = Object.keys(contract) as Channel[];

/** The object preload exposes as window.api, and the browser harness shims. */
export type Api = { [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };

/** Push events main -> renderer, declared once like the channels. */
export const events = {
  'profiles:changed': pushEvent<ProfileView[]>(),
  /** Keychain state, demo simulator state or data problems changed. */
  'app:info-changed': pushEvent<AppInfo>(),
  /** One profile's outcome during `schedules:refresh`. */
  'schedules:refresh-progress': pushEvent<RefreshProgress>(),
  /** The desktop menu asks the window to run a command of the command registry. */
  'command:invoke': pushEvent<{ id: CommandId }>(),
  /** A watched profile's running job started, ended or could not be read (see maintenance:watch). */
  'maintenance:running-changed': pushEvent<RunningState>(),
  /** A desktop notification to show (coalesced: at most one per profile per hour). */
  notification: pushEvent<AppNotification>(),
  /** The user clicked a notification: show that profile. */
  'notification:open-profile': pushEvent<{ profileId: string }>(),
};

export type EventName = keyof typeof events;
export type Events = { [E in EventName]: PayloadOfSpec<(typeof events)[E]> };
export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

/** Exposed by the preload as window.appEvents (the harness may shim it); returns an unsubscribe function. */
export interface EventsApi {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export const EVENT_NAMES = Object.keys(events) as EventName[];

/** One push event with its payload, as main emits it. */
export type CoreEvent = { [E in EventName]: { event: E; payload: Events[E] } }[EventName];
export type CoreEventSink = (event: CoreEvent) => void;
