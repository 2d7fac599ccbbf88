import type { HandlerExecutionContext } from '@smithy/types';
import { smithyContextOf } from './call.js';

/**
 * Credentials looked up when a request is signed, not before: botocore's
 * behaviour, which `choose-signer` returning `UNSIGNED` and a `before-call`
 * answer (the Stubber's) rely on. v3 looks up the identity in its
 * auth-scheme step, once per call, before any event could say that nothing
 * will be signed; and resolves endpoints that use the account id
 * (DynamoDB's) from the credentials.
 *
 * While installed on a client:
 * - its auth schemes hand out a `DeferredIdentity` instead of looking the
 *   identity up; the bridge resolves it after `before-sign` unless the
 *   request goes unsigned, and the scheme's signer resolves it in any case;
 * - a failed credential lookup made for anything but signing (the endpoint's
 *   account id) reads as "no credentials" (`MissingCredentials`, botocore's
 *   `None`): the endpoint resolves without an account id, and whatever
 *   reads the keys gets the lookup's error.
 *
 * Returns the function that puts the client's config back as it was.
 */
export function deferCredentials(config: Record<string, any>): () => void {
  const restoreSchemes = deferAuthSchemes(config);
  const restoreCredentials = tolerateFailedLookups(config);
  return () => {
    restoreCredentials();
    restoreSchemes();
  };
}

/** An identity not looked up yet: `resolve()` looks it up once. */
export class DeferredIdentity {
  #lookup: () => Promise<unknown>;
  #resolved: Promise<unknown> | undefined;

  constructor(lookup: () => Promise<unknown>) {
    this.#lookup = lookup;
  }

  resolve(): Promise<unknown> {
    this.#resolved ??= this.#lookup().then((identity) => {
      if (identity instanceof MissingCredentials) throw identity.error;
      return identity;
    });
    return this.#resolved;
  }
}

/** The identity a deferred one stands for (looked up now), or `identity` itself. */
export function resolveIdentity(identity: unknown): Promise<unknown> {
  return identity instanceof DeferredIdentity ? identity.resolve() : Promise.resolve(identity);
}

/** The call's identity when it is deferred (not looked up yet), else undefined. */
export function deferredIdentityOf(sdkContext: HandlerExecutionContext): DeferredIdentity | undefined {
  const identity = smithyContextOf(sdkContext).selectedHttpAuthScheme?.identity;
  return identity instanceof DeferredIdentity ? identity : undefined;
}

/** Credentials whose lookup failed: no account id or scope; reading a key throws the lookup's error. */
export class MissingCredentials {
  constructor(readonly error: unknown) {}
  get accessKeyId(): never {
    throw this.error;
  }
  get secretAccessKey(): never {
    throw this.error;
  }
  get sessionToken(): never {
    throw this.error;
  }
}

interface AuthScheme {
  schemeId: string;
  identityProvider(config: unknown): ((properties?: unknown) => Promise<unknown>) | undefined;
  signer: { sign(request: unknown, identity: unknown, properties: unknown): Promise<unknown> };
}

function deferAuthSchemes(config: Record<string, any>): () => void {
  const schemes: AuthScheme[] | undefined = config.httpAuthSchemes;
  if (!Array.isArray(schemes)) return () => {};
  config.httpAuthSchemes = schemes.map((scheme) => deferScheme(scheme));
  return () => {
    config.httpAuthSchemes = schemes;
  };
}

function deferScheme(scheme: AuthScheme): AuthScheme {
  const signer = scheme.signer;
  // The SDK calls errorHandler/successHandler on the signer object itself: they stay bound to it.
  const deferredSigner = Object.assign(Object.create(signer), {
    sign: async (request: unknown, identity: unknown, properties: unknown) => signer.sign(request, await resolveIdentity(identity), properties),
  });
  return {
    ...scheme,
    identityProvider(config) {
      const provider = scheme.identityProvider(config);
      return provider && (async (properties?: unknown) => new DeferredIdentity(() => provider(properties)));
    },
    signer: deferredSigner,
  };
}

/** `config.credentials` (an accessor on AWS clients) read through a provider whose failures are `MissingCredentials`. */
function tolerateFailedLookups(config: Record<string, any>): () => void {
  const own = Object.getOwnPropertyDescriptor(config, 'credentials');
  if (own === undefined) return () => {};
  const current = () => (own.get ? own.get.call(config) : own.value);
  Object.defineProperty(config, 'credentials', {
    configurable: true,
    enumerable: own.enumerable,
    get: () => tolerant(current()),
    set: (value) => (own.set ? own.set.call(config, value) : (own.value = value)),
  });
  return () => Object.defineProperty(config, 'credentials', own);
}

const tolerantOf = new WeakMap<Function, Function>();

/** The same provider, but a failed lookup resolves to `MissingCredentials` (memoized, so the SDK sees one function). */
function tolerant(provider: unknown): unknown {
  if (typeof provider !== 'function') return provider;
  let wrapped = tolerantOf.get(provider);
  if (wrapped === undefined) {
    wrapped = Object.assign(
      (...args: unknown[]) => Promise.resolve(provider(...args)).catch((error: unknown) => new MissingCredentials(error)),
      // The SDK marks its providers (memoized, configBound): keep the marks so it does not wrap again.
      { ...provider },
    );
    tolerantOf.set(provider, wrapped);
  }
  return wrapped;
}
