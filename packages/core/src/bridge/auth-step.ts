import type { HandlerExecutionContext, MiddlewareStack, SerializeHandler, SerializeHandlerArguments } from '@smithy/types';
import { callStateOf, listens, smithyContextOf } from './call.js';

const SDK_AUTH_STEP = 'httpAuthSchemeMiddleware';

type AuthFactory = (next: SerializeHandler<any, any>, context: HandlerExecutionContext) => SerializeHandler<any, any>;
interface RelativeEntry {
  middleware: AuthFactory;
  name: string;
  relation: 'before' | 'after';
  toMiddleware: string;
  [option: string]: unknown;
}

/** The SDK's auth-scheme entry of `stack` (it resolves the identity, once per call, before serialization), if it has one. */
function sdkAuthEntry(stack: MiddlewareStack<any, any>): RelativeEntry | undefined {
  let found: RelativeEntry | undefined;
  // applyToStack copies each entry into the stack given: a recorder keeps the one it is after.
  stack.applyToStack({
    add: () => {},
    addRelativeTo: (middleware: AuthFactory, options: Omit<RelativeEntry, 'middleware'>) => {
      if (options.name === SDK_AUTH_STEP) found = { ...options, middleware } as RelativeEntry;
    },
  } as unknown as MiddlewareStack<any, any>);
  return found;
}

/**
 * Wraps the SDK's auth-scheme step while `choose-signer` has handlers, so
 * that a call can be sent unsigned (`UNSIGNED`) by a client with no
 * credentials at all: v3 resolves the identity there, per call, before
 * serialization, and a credential provider that throws would fail the call
 * long before `choose-signer` is emitted. The wrapped step goes on without
 * an identity when the lookup fails; the attempt then fails with that same
 * error unless `choose-signer` answers `UNSIGNED`. Returns the function
 * that puts the SDK's step back.
 */
export function tolerateMissingIdentity(stack: MiddlewareStack<any, any>): () => void {
  const sdk = sdkAuthEntry(stack);
  if (sdk === undefined) return () => {};
  const { middleware: sdkAuth, ...options } = sdk;
  const wrapped: AuthFactory = (next, context) => {
    const step = sdkAuth(next, context);
    return async (args: SerializeHandlerArguments<any>) => {
      const state = callStateOf(args);
      if (!state || state.presign || !listens(state, 'choose-signer')) return step(args);
      let resolved = false;
      const marked = (nextArgs: SerializeHandlerArguments<any>) => {
        resolved = true;
        return next(nextArgs);
      };
      try {
        return await sdkAuth(marked, context)(args);
      } catch (error) {
        if (resolved) throw error;
        state.identityError = error;
        smithyContextOf(context).selectedHttpAuthScheme = undefined;
        return next(args);
      }
    };
  };
  stack.addRelativeTo(wrapped, { ...options, override: true } as never);
  return () => stack.addRelativeTo(sdkAuth, { ...options, override: true } as never);
}
