// How a channel or push event is declared: once, with its request schema and its response type.
// Every other type (requests, responses, the channel list, handler maps) is derived from these
// declarations, so a schema and its type cannot drift apart.
import type { z } from 'zod';

declare const responseType: unique symbol;
declare const payloadType: unique symbol;

/** One request/response channel: the zod schema main validates with, and the type it answers with. */
export interface ChannelSpec<S extends z.ZodType = z.ZodType, R = unknown> {
  readonly request: S;
  /** Type-only: never present at run time. */
  readonly [responseType]?: R;
}

/** One push event main -> renderer, carrying a payload of type P. */
export interface EventSpec<P = unknown> {
  readonly event: true;
  readonly [payloadType]?: P;
}

/** `channel(schema).returns<Response>()` */
export function channel<S extends z.ZodType>(request: S): { returns<R>(): ChannelSpec<S, R> } {
  return { returns: <R>(): ChannelSpec<S, R> => ({ request }) };
}

/** `pushEvent<Payload>()` */
export function pushEvent<P>(): EventSpec<P> {
  return { event: true };
}

export type RequestOfSpec<T> = T extends ChannelSpec<infer S, unknown> ? z.input<S> : never;
export type ParsedRequestOfSpec<T> = T extends ChannelSpec<infer S, unknown> ? z.output<S> : never;
export type ResponseOfSpec<T> = T extends ChannelSpec<z.ZodType, infer R> ? R : never;
export type PayloadOfSpec<T> = T extends EventSpec<infer P> ? P : never;
