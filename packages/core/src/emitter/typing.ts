// How an emitter types event names: the payload a handler registered on a
// name receives, what that handler may return, and whether the name is a
// mistake. Types only: nothing here exists at run time.

/**
 * The payload every handler receives: `eventName` is the name that was
 * emitted; the other members depend on the event. An event nobody typed
 * gets this generic payload, whose other members are `unknown` until checked.
 */
export interface EventPayload {
  /** The full name that was emitted, e.g. `before-sign.cloudwatch.PutMetricData`. */
  eventName: string;
  [member: string]: unknown;
}

/**
 * A typing computed from a whole event name, for what an event map cannot
 * express (payloads that depend on the operation, say). Extend it and
 * define the other three members in terms of `this['~name']`; the emitter
 * sets `~name` to the name of each call. Members start with `~` so that a
 * user's event map is never mistaken for a typing.
 *
 * @example
 * type Loud<N extends string> = { eventName: string; loud: Uppercase<N> };
 * interface Shouting extends EventTyping {
 *   '~payload': Loud<this['~name']>; // `this` only at the top level: wrap object types in an alias
 *   '~response': void;
 *   '~problem': undefined;
 * }
 * new HierarchicalEmitter<Shouting>().register('hey', ({ loud }) => loud); // loud: 'HEY'
 */
export interface EventTyping {
  /** The name being typed; set by the emitter. */
  readonly '~name': string;
  /** The payload handlers registered on `~name` receive. */
  readonly '~payload': object;
  /** What such a handler may return (besides nothing); `void` when the event ignores responses. */
  readonly '~response': unknown;
  /** `undefined` when `~name` is fine, else a message saying what is wrong with it (the compile error shows it). */
  readonly '~problem': string | undefined;
}

/** The typing `T` evaluated for the name `N`: `Apply<T, N>['~payload']` is the payload of `N`. */
export type Apply<T extends EventTyping, N extends string> = T & { readonly '~name': N };

/**
 * Payload types by event type (the first segment of a name), for emitters
 * created without a type argument. Empty here: the emitter knows no event;
 * `@sdk-events/core`'s lifecycle module adds the AWS request lifecycle's
 * payloads to it, and a user may add their own by declaration merging.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface KnownEvents {}

/**
 * What handlers may return, by event type, for the event types of
 * `KnownEvents` (an event type missing here accepts any return value).
 * Filled like `KnownEvents`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface KnownResponses {}

/** The first dot-separated segment of a name type. */
export type FirstSegment<N extends string> = N extends `${infer Head}.${string}` ? Head : N;

/**
 * The typing of an emitter created without a type argument: the event type
 * (first segment) selects a payload from `KnownEvents` and a response from
 * `KnownResponses`; any other name gets the generic `EventPayload`. No name
 * is a mistake.
 */
export interface DefaultEvents extends EventTyping {
  '~payload': FirstSegment<this['~name']> extends keyof KnownEvents ? KnownEvents[FirstSegment<this['~name']>] : EventPayload;
  '~response': FirstSegment<this['~name']> extends keyof KnownResponses ? KnownResponses[FirstSegment<this['~name']>] : unknown;
  '~problem': undefined;
}

/** Characters that make a segment a `*` or a glob (see `HierarchicalEmitter`). */
type PatternCharacter = '*' | '?' | '[' | ']' | '{' | '}' | '(' | ')' | '!';

/** `true` when some segment of `N` is a wildcard or glob, so that it may match many names. */
export type IsPattern<N extends string> = N extends `${string}${PatternCharacter}${string}` ? true : false;

/** `N` without its last segment (`a.b.c` → `a.b`); `never` for a one-segment name. */
type DropLastSegment<N extends string> = N extends `${infer Head}.${infer Rest}`
  ? Rest extends `${string}.${string}`
    ? `${Head}.${DropLastSegment<Rest>}`
    : Head
  : never;

/** The key of the event map `M` that types the name `N`: `N` itself or its longest dot-prefix that is a key. */
type MapKeyOf<N extends string, M> = N extends keyof M ? N : N extends `${string}.${string}` ? MapKeyOf<DropLastSegment<N>, M> : never;

/** The string keys of `M`. */
type MapKeys<M> = Extract<keyof M, string>;

/**
 * The keys of `M` a registration on `N` may receive events of: its own key
 * (`N` is a key or below one); every key when `N` holds a wildcard or glob;
 * the keys below `N` when `N` is a prefix of keys.
 */
type MapKeysReached<N extends string, M> = [MapKeyOf<N, M>] extends [never]
  ? IsPattern<N> extends true
    ? MapKeys<M>
    : Extract<MapKeys<M>, `${N}.${string}`>
  : MapKeyOf<N, M>;

/** Each payload of `M` under `Keys`, with the `eventName` the emitter adds. */
type MapPayloads<M, Keys extends keyof M> = Keys extends keyof M ? M[Keys] & { eventName: string } : never;

/**
 * The typing of a user's event map `M` (names → payload types, as mitt's
 * type parameter): a registration on a key, below one, on a prefix of keys
 * or on a pattern gets the payloads it can receive; any other name is a
 * mistake. Handlers' responses are not typed.
 */
export interface EventMapTyping<M> extends EventTyping {
  '~payload': MapPayloads<M, MapKeysReached<this['~name'], M>>;
  '~response': unknown;
  '~problem': [MapKeysReached<this['~name'], M>] extends [never] ? `"${this['~name']}" is not an event of this emitter's event map` : undefined;
}

/** The typing of an emitter whose type argument is `Events`: `Events` itself when it is an `EventTyping`, else the typing of the event map `Events`. */
export type TypingOf<Events> = Events extends EventTyping ? Events : EventMapTyping<Events>;

/**
 * The payload type a handler registered on `N` receives on an emitter typed
 * by `Events` (an event map or an `EventTyping`). A name that is not a
 * literal (`string`) gets the generic `EventPayload`.
 */
export type PayloadFor<N extends string, Events = DefaultEvents> = string extends N ? EventPayload : Apply<TypingOf<Events>, N>['~payload'];

/**
 * What a handler registered on `N` may return: the event's response, a
 * promise of one, or nothing (`null`, `undefined`). `void` when the event
 * takes no response: the handler may then return anything, which is
 * ignored (as botocore ignores it).
 */
export type ResponseFor<N extends string, Events = DefaultEvents> = string extends N ? unknown : HandlerReturn<Apply<TypingOf<Events>, N>['~response']>;

/**
 * What a handler of an event whose response is `R` may return: `R`, a
 * promise of it, or nothing; `void` (no response taken: anything goes,
 * ignored) and `unknown` stay as they are.
 */
export type HandlerReturn<R> = unknown extends R ? unknown : [R] extends [void] ? void : R | null | undefined | void | PromiseLike<R | null | undefined | void>;

/**
 * `N` when it is a name the emitter typed by `Events` accepts, else the
 * message that says why not (so the compile error shows it). A name that
 * is not a literal type is always accepted: that is the escape hatch
 * (`events.register<string>(name, handler)`).
 */
export type CheckedName<N extends string, Events = DefaultEvents> = string extends N
  ? N
  : Apply<TypingOf<Events>, N>['~problem'] extends infer Problem extends string
    ? Problem
    : N;

/**
 * The handler type for the name `N` on an emitter typed by `Events`: its
 * payload is `PayloadFor<N, Events>`, its return `ResponseFor<N, Events>`.
 *
 * @example
 * const retryLater: HandlerFor<'needs-retry.lambda.Invoke'> = ({ attempts }) => (attempts < 3 ? 1 : undefined);
 */
export type HandlerFor<N extends string, Events = DefaultEvents> = (payload: PayloadFor<N, Events>) => ResponseFor<N, Events>;

/**
 * The payload `emit(N, payload)` takes on an emitter typed by the event map
 * `Events`: the key's payload without `eventName` (the emitter adds it);
 * `object` for emitters typed otherwise (the lifecycle's events are emitted
 * by the bridge).
 */
export type EmitPayload<N extends string, Events> = string extends N
  ? object
  : Events extends EventTyping
    ? object
    : MapKeyOf<N, Events> extends infer K extends keyof Events
      ? Omit<Events[K], 'eventName'>
      : never;

/** `emit`'s arguments after the name: the payload, optional only when it may be empty. */
export type EmitArguments<N extends string, Events> = string extends N
  ? [payload?: object]
  : {} extends EmitPayload<N, Events>
  ? [payload?: EmitPayload<N, Events>]
  : [payload: EmitPayload<N, Events>];

/**
 * `N` when `emit(N)` is fine on an emitter typed by `Events`: any name for
 * an `EventTyping`, a key of the event map or a name below one otherwise
 * (patterns are for registrations, not for emits).
 */
export type CheckedEmitName<N extends string, Events> = string extends N
  ? N
  : Events extends EventTyping
    ? N
    : [MapKeyOf<N, Events>] extends [never]
      ? `"${N}" is not an event of this emitter's event map`
      : N;
