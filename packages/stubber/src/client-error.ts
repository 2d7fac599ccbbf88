import type { OperationSchema } from './operations.js';

/** What `addClientError` takes (botocore's `add_client_error` arguments, as one object). */
export interface ClientErrorSpec<Params = Record<string, any>> {
  /** The error code, e.g. `ResourceNotFoundException` (the exception's `name`); an awsQuery code such as `ResourceNotFound` works too. */
  code: string;
  /** The error's message (default: empty, as botocore's). */
  message?: string;
  /** The HTTP status code (default: the one the model gives this error, else 400). */
  httpStatusCode?: number;
  /** The parameters the call must be made with; `ANY` matches anything. */
  expectedParams?: Params;
  /**
   * More members of the error as the service would send them: modelled fields
   * (`CancellationReasons`), anything else; a `$metadata` here is merged into
   * the generated one (`requestId`, …).
   */
  response?: Record<string, unknown>;
}

/** A TypeRegistry of `@smithy/core/schema`, as far as the stubber uses it (any copy of the package). */
interface ErrorRegistry {
  getSchema(shapeId: string): unknown;
  getErrorCtor(schema: unknown): (new (options: object) => Error) | undefined;
  getBaseException?(): unknown;
  find?(predicate: (schema: unknown) => boolean): unknown;
}

/** An error schema: `[-3, namespace, name, traits, memberNames, memberSchemas]`. */
type ErrorSchema = readonly [-3, string, string, unknown, ...unknown[]];

interface ErrorTraits {
  error?: 'client' | 'server';
  httpError?: number;
  awsQueryError?: [string, number];
}

/**
 * The exception a real call would throw for `spec`: the client's modelled
 * exception class for the code when it has one (found as the SDK's own
 * protocols find it: by shape name, then by awsQuery code, in the client's
 * error registries), else the client's `ServiceException` class, with
 * `name`, `message`, `$fault` and `$metadata.httpStatusCode` set.
 */
export function buildClientError(client: { config?: unknown }, operation: OperationSchema | undefined, spec: ClientErrorSpec<unknown>): Error {
  const registries = errorRegistriesOf(client, operation);
  const modelled = findModelled(registries, spec.code);
  const traits = modelled ? traitsOf(modelled.schema) : {};
  const queryStatus = traits.awsQueryError?.[0] === spec.code ? traits.awsQueryError[1] : undefined;
  const httpStatusCode = spec.httpStatusCode ?? queryStatus ?? traits.httpError ?? 400;
  const $fault = traits.error ?? (httpStatusCode >= 500 ? 'server' : 'client');
  const { $metadata: extraMetadata, ...fields } = spec.response ?? {};
  // As the bridge gives a before-call output: no request was sent.
  const $metadata: Record<string, unknown> = { httpStatusCode, attempts: 0, totalRetryDelay: 0, ...(extraMetadata as object | undefined) };
  const message = spec.message ?? '';
  const Ctor = modelled?.ctor ?? baseExceptionOf(registries);
  const exception = Ctor ? new Ctor({ name: spec.code, $fault, $metadata, message }) : Object.assign(new Error(message), { name: spec.code });
  Object.assign(exception, { $fault, $metadata, message });
  if ((client.config as any)?.protocolSettings?.awsQueryCompatible === true) {
    Object.assign(exception, queryCompatibleFields(traits.awsQueryError?.[0] ?? spec.code, $fault, message, $metadata['requestId']));
  }
  return Object.assign(exception, fields);
}

/**
 * What the SDK adds to errors of services that moved from the awsQuery
 * protocol (CloudWatch, SQS, …), so code written for their old errors works:
 * `Code`, `Type` and `Error: { Code, Type, Message }`, and `RequestId`.
 */
function queryCompatibleFields(Code: string, $fault: string, Message: string, requestId: unknown) {
  const Type = $fault === 'server' ? 'Receiver' : 'Sender';
  return { Error: { Code, Type, Message }, Code, Type, ...(requestId === undefined ? {} : { RequestId: requestId }) };
}

/**
 * The client's error registries: schema-based clients list them in
 * `config.protocolSettings.errorTypeRegistries`; the registry of the
 * operation's namespace comes from the same copy of `@smithy/core`.
 */
function errorRegistriesOf(client: { config?: unknown }, operation: OperationSchema | undefined): ErrorRegistry[] {
  const listed: unknown = (client.config as any)?.protocolSettings?.errorTypeRegistries;
  const registries = Array.isArray(listed) ? listed.filter(isRegistry) : [];
  const RegistryClass = registries[0]?.constructor as { for?: (namespace: string) => unknown } | undefined;
  const own = operation && typeof RegistryClass?.for === 'function' ? RegistryClass.for(operation[1]) : undefined;
  return isRegistry(own) && !registries.includes(own) ? [...registries, own] : registries;
}

function isRegistry(value: unknown): value is ErrorRegistry {
  return typeof (value as ErrorRegistry | null)?.getSchema === 'function' && typeof (value as ErrorRegistry).getErrorCtor === 'function';
}

function findModelled(registries: ErrorRegistry[], code: string) {
  for (const registry of registries) {
    const schema = tryGetSchema(registry, code);
    if (isErrorSchema(schema)) return withCtor(registry, schema);
  }
  for (const registry of registries) {
    const schema = registry.find?.((s) => isErrorSchema(s) && traitsOf(s).awsQueryError?.[0] === code);
    if (isErrorSchema(schema)) return withCtor(registry, schema);
  }
  return undefined;
}

function withCtor(registry: ErrorRegistry, schema: ErrorSchema) {
  const ctor = registry.getErrorCtor(schema);
  return ctor ? { schema, ctor } : undefined;
}

function baseExceptionOf(registries: ErrorRegistry[]) {
  for (const registry of registries) {
    const base = registry.getBaseException?.();
    const ctor = base === undefined ? undefined : registry.getErrorCtor(base);
    if (ctor) return ctor;
  }
  return undefined;
}

function tryGetSchema(registry: ErrorRegistry, code: string): unknown {
  try {
    return registry.getSchema(code);
  } catch {
    return undefined; // the registry has no shape by that name
  }
}

function isErrorSchema(value: unknown): value is ErrorSchema {
  return Array.isArray(value) && value[0] === -3 && typeof value[2] === 'string';
}

/** A schema's traits: an object, or a number (a bitmask of boolean traits, none of them about errors). */
function traitsOf(schema: ErrorSchema): ErrorTraits {
  const traits = schema[3];
  return typeof traits === 'object' && traits !== null ? (traits as ErrorTraits) : {};
}
