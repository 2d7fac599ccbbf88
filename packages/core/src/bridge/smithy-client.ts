import type { MiddlewareStack } from '@smithy/types';

/**
 * The parts of a Smithy-generated client (every `@aws-sdk/client-*`) the
 * bridge uses: its config, its middleware stack and `send`.
 */
export interface SmithyClientLike {
  config: { serviceId?: string; cacheMiddleware?: boolean; region?: unknown };
  middlewareStack: MiddlewareStack<any, any>;
  send(command: any, ...rest: any[]): unknown;
}

/** Throws a TypeError naming what is missing when `client` is not a Smithy client. */
export function assertSmithyClient(client: unknown, where: string): asserts client is SmithyClientLike {
  const c = client as Partial<SmithyClientLike> | null | undefined;
  const problem =
    typeof c !== 'object' || c === null ? 'is not an object'
    : typeof c.send !== 'function' ? 'has no send() method'
    : typeof c.config !== 'object' || c.config === null ? 'has no config object'
    : typeof c.middlewareStack?.add !== 'function' || typeof c.middlewareStack.addRelativeTo !== 'function'
      ? 'has no Smithy middleware stack'
    : undefined;
  if (problem) throw new TypeError(`${where}: the client ${problem}; expected an AWS SDK v3 or Smithy-generated client`);
}

/**
 * The service id events are named by: `config.serviceId` (every AWS client
 * has one), else the client class's name without `Client`.
 */
export function serviceIdOf(client: SmithyClientLike): string {
  return client.config.serviceId ?? client.constructor.name.replace(/Client$/, '');
}
