// Types of a client's emitter (`eventsOf(client)`): lifecycle payloads per
// operation. Types only: nothing here exists at run time.
import type { Command, MiddlewareStack } from '@smithy/types';
import type { AliasedEventEmitter } from './emitter/aliased-event-emitter.js';
import type { Apply, DefaultEvents, EventTyping, FirstSegment, HandlerReturn, IsPattern } from './emitter/typing.js';
import type { LifecycleEventType, LifecyclePayloads, LifecycleResponses } from './lifecycle.js';

/** The client's unions of inputs and outputs (`ServiceInputTypes`, `ServiceOutputTypes`), read from its middleware stack. */
type ClientInputOf<Client> = Client extends { middlewareStack: MiddlewareStack<infer Input, any> } ? Input : Record<string, any>;
type ClientOutputOf<Client> = Client extends { middlewareStack: MiddlewareStack<any, infer Output> } ? Output : Record<string, any>;

/** Operations from an aggregated client's methods (`Lambda`'s `invoke` → `Invoke`): those taking one of the client's inputs, `send` aside. */
type MethodOperations<Source, Input> = {
  [K in keyof Source as K extends 'send' ? never : K extends string ? (OperationOfMethod<Source[K], Input> extends never ? never : Capitalize<K>) : never]: OperationOfMethod<Source[K], Input>;
};

/** The input and output of an operation method taking one of the client's inputs, else `never`. */
type OperationOfMethod<Method, Input> = Method extends (args: infer I, options: any, callback: (error: any, data?: infer O) => void) => void
  ? I extends Input
    ? { input: I; output: O }
    : never
  : never;

/** A command class (`InvokeCommand`): what `CommandTypes` and `CommandHandler` take. */
export type CommandClass = abstract new (...args: any[]) => Command<any, any, any, any, any>;

/**
 * The input and output types of a command class, as aws-sdk-client-mock's
 * `.on(Command)` reads them: `CommandTypes<typeof InvokeCommand>` is
 * `{ input: InvokeCommandInput; output: InvokeCommandOutput }`.
 */
export type CommandTypes<C extends CommandClass> = C extends abstract new (...args: any[]) => Command<any, infer I, any, infer O, any>
  ? { input: I; output: O }
  : never;

/**
 * A handler of the lifecycle event type `Type` for the command class
 * `Command`, written apart from its registration: its payload and return
 * are those the name `<Type>.<service>.<operation>` has on an emitter that
 * knows the operation.
 *
 * @example
 * const logStatus: CommandHandler<'after-call', typeof InvokeCommand> = ({ parsed }) => console.log(parsed.StatusCode);
 * eventsOf<LambdaClient, { InvokeCommand: typeof InvokeCommand }>(lambda).register('after-call.lambda.Invoke', logStatus);
 */
export type CommandHandler<Type extends LifecycleEventType, Command extends CommandClass> = (
  payload: LifecyclePayloads<CommandTypes<Command>['input'], CommandTypes<Command>['output']>[Type],
) => HandlerReturn<LifecycleResponses<CommandTypes<Command>['input'], CommandTypes<Command>['output']>[Type]>;

/** Operations from command classes keyed by class name (a client package's module, or `{ InvokeCommand: typeof InvokeCommand }`). */
type CommandOperations<Source> = {
  [K in keyof Source as K extends `${infer Operation}Command` ? (Source[K] extends CommandClass ? Operation : never) : never]: Source[K] extends CommandClass
    ? CommandTypes<Source[K]>
    : never;
};

/**
 * Operation name → its input and output types, read from `Source`: an
 * aggregated client (`Lambda`: its methods) or command classes keyed by
 * class name (`typeof import('@aws-sdk/client-lambda')`,
 * `{ InvokeCommand: typeof InvokeCommand }`). Empty for a bare client
 * (`LambdaClient`), whose type lists no operations.
 */
export type OperationsOf<Source, Input = object> = MethodOperations<Source, Input> & CommandOperations<Source>;

/** The operation segment of a name (`after-call.lambda.Invoke` → `Invoke`); `never` when the name has none or it is a pattern. */
type ConcreteOperationOf<N extends string> = N extends `${string}.${string}.${infer Rest}`
  ? IsPattern<FirstSegment<Rest>> extends true
    ? never
    : FirstSegment<Rest>
  : never;

/** Every member name of any type of the union `U`. */
type KeysOfUnion<U> = U extends unknown ? keyof U : never;

/**
 * A view of the union `U` that has every member of any of its types, typed
 * as the union of that member's types; optional unless every type has it.
 * Reading `parsed.StatusCode` from the union of a client's outputs gives
 * `number | undefined` (`undefined` where the operation has no such
 * member), `parsed.$metadata` its type; a member no type has is a compile error.
 */
export type UnionView<U> = Pick<U, keyof U> & {
  [K in Exclude<KeysOfUnion<U>, keyof U>]?: U extends unknown ? (K extends keyof U ? U[K] : never) : never;
};

/** The operation `N` names when `Operations` types it, else `never`. */
type TypedOperationOf<N extends string, Operations> = Extract<ConcreteOperationOf<N>, keyof Operations>;

/**
 * The `Side` (`input` or `output`) type of the operation `N` names when
 * `Operations` types it, else the client's union `Union` seen through `UnionView`.
 */
type OperationSide<N extends string, Operations, Union, Side extends 'input' | 'output'> = [TypedOperationOf<N, Operations>] extends [never]
  ? UnionView<Union>
  : Operations[TypedOperationOf<N, Operations>] extends { [S in Side]: infer T }
    ? T
    : UnionView<Union>;

/** The lifecycle event type of `N`, or `never` for any other name. */
type LifecycleTypeOf<N extends string> = Extract<FirstSegment<N>, LifecycleEventType>;

/** Why `N` is a mistake on a client whose operations are `Operations`, or `undefined`. */
type OperationProblem<N extends string, Operations> = [keyof Operations] extends [never]
  ? undefined
  : [LifecycleTypeOf<N>] extends [never]
    ? undefined
    : [ConcreteOperationOf<N>] extends [never]
      ? undefined
      : ConcreteOperationOf<N> extends keyof Operations
        ? undefined
        : `"${ConcreteOperationOf<N>}" is not an operation of this client: check the spelling; for another client's or a custom event, register<string>(name, handler)`;

/**
 * The typing of a client's emitter: lifecycle names get the payloads and
 * responses of `LifecyclePayloads`/`LifecycleResponses` for the operation
 * the name gives when `Operations` knows it, for the client's unions
 * `Input`/`Output` otherwise (wildcards, globs, no operation segment, a
 * client whose operations the types do not list); a concrete operation
 * `Operations` does not have is a compile error. Other names are typed as
 * on any emitter (`DefaultEvents`). The service segment is not checked.
 */
export interface ClientEventTyping<Operations, Input, Output> extends EventTyping {
  '~payload': [LifecycleTypeOf<this['~name']>] extends [never]
    ? Apply<DefaultEvents, this['~name']>['~payload']
    : LifecyclePayloads<OperationSide<this['~name'], Operations, Input, 'input'>, OperationSide<this['~name'], Operations, Output, 'output'>>[LifecycleTypeOf<this['~name']>];
  '~response': [LifecycleTypeOf<this['~name']>] extends [never]
    ? Apply<DefaultEvents, this['~name']>['~response']
    : LifecycleResponses<OperationSide<this['~name'], Operations, Input, 'input'>, OperationSide<this['~name'], Operations, Output, 'output'>>[LifecycleTypeOf<this['~name']>];
  '~problem': OperationProblem<this['~name'], Operations>;
}

/**
 * The type of `eventsOf(client)`: an `AliasedEventEmitter` typed for
 * `Client`'s operations. `Commands` lists them: by default `Client` itself,
 * which lists them when it is an aggregated client (`new Lambda({})`); for
 * a bare client (`new LambdaClient({})`) pass the client package's module
 * or the command classes you use (`eventsOf<LambdaClient, { InvokeCommand: typeof InvokeCommand }>(lambda)`).
 *
 * @example
 * const events: ClientEvents<LambdaClient, typeof import('@aws-sdk/client-lambda')> = eventsOf(lambda);
 * events.register('after-call.lambda.Invoke', ({ parsed }) => console.log(parsed.StatusCode));
 */
export type ClientEvents<Client, Commands = Client> = AliasedEventEmitter<
  ClientEventTyping<OperationsOf<Commands, ClientInputOf<Client>>, ClientInputOf<Client>, ClientOutputOf<Client>>
>;
