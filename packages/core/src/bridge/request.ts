import { HttpRequest } from '@smithy/protocol-http';

/**
 * What handlers receive as `request`: a view of a request the SDK built.
 * Reads go through to it; the first write (to a field, a header or a query
 * parameter) copies it, and every write goes to the copy. So the SDK's
 * request stays as built (each attempt starts from it; nothing needs
 * putting back), and the bridge knows, without comparing, whether handlers
 * changed anything. Headers are found, replaced and deleted in any case, as
 * botocore's are: `delete headers['Content-Type']; headers['Content-Type'] = v`
 * leaves one `Content-Type` header, whatever case the SDK wrote it in.
 */
export class RequestView {
  /** The view itself, what handlers get as `request` (a proxy whose target is this object). */
  readonly request: HttpRequest;
  readonly #built: HttpRequest;
  #copy: HttpRequest | undefined;
  #fieldViews: Partial<Record<ViewedField, object>> = {};

  constructor(built: HttpRequest) {
    this.#built = built;
    this.request = new Proxy(this, REQUEST_TRAPS) as unknown as HttpRequest;
  }

  /** The request as handlers left it: the copy they wrote to, else the SDK's own. */
  get current(): HttpRequest {
    return this.#copy ?? this.#built;
  }

  /** Whether a handler wrote anything. */
  get written(): boolean {
    return this.#copy !== undefined;
  }

  /** The request that takes handlers' writes: copied from the SDK's at the first one. */
  writable(): HttpRequest {
    return (this.#copy ??= HttpRequest.clone(this.#built));
  }

  /** The view of `headers` or `query`, made when a handler first reads it. */
  fieldView(field: ViewedField): object {
    return (this.#fieldViews[field] ??= new Proxy({ view: this, field }, FIELD_TRAPS));
  }

  /** The request to send on: the SDK's own when nothing was written, else the copy, its length and payload hash fixed when the body was replaced. */
  result(): HttpRequest {
    // Through the view: its headers are found in any case, and the edits go to the copy.
    if (this.#copy !== undefined && this.#copy.body !== this.#built.body) bodyReplaced(this.request);
    return this.current;
  }
}

/** Middleware arguments that carry `request`: `args` itself when they already do. */
export function withRequest<Args extends { request: unknown }>(args: Args, request: HttpRequest): Args {
  return request === args.request ? args : { ...args, request };
}

type Key = string | symbol;
type ViewedField = 'headers' | 'query';
const isViewedField = (key: Key): key is ViewedField => key === 'headers' || key === 'query';

/**
 * The request view's traps (the target is the `RequestView`): `headers` and
 * `query` read as their views, other fields from the current request;
 * writes go to the copy.
 */
const REQUEST_TRAPS: ProxyHandler<RequestView> = {
  get: (view, key) => (isViewedField(key) ? view.fieldView(key) : Reflect.get(view.current, key)),
  set: (view, key, value) => {
    // Assigning a field its own view (`request.headers = request.headers`) changes nothing.
    if (isViewedField(key) && value === view.fieldView(key)) return true;
    return Reflect.set(view.writable(), key, value);
  },
  has: (view, key) => Reflect.has(view.current, key),
  deleteProperty: (view, key) => Reflect.deleteProperty(view.writable(), key),
  defineProperty: (view, key, descriptor) => Reflect.defineProperty(view.writable(), key, configurable(descriptor)!),
  ownKeys: (view) => Reflect.ownKeys(view.current),
  getOwnPropertyDescriptor: (view, key) => configurable(Reflect.getOwnPropertyDescriptor(view.current, key)),
  getPrototypeOf: (view) => Reflect.getPrototypeOf(view.current),
};

/** A `headers` or `query` view's target: which field of which request view. */
interface FieldTarget {
  readonly view: RequestView;
  readonly field: ViewedField;
}

const readFields = ({ view, field }: FieldTarget) => (view.current[field] ?? {}) as Record<Key, unknown>;
const writeFields = ({ view, field }: FieldTarget) => (view.writable()[field] ??= {}) as Record<Key, unknown>;
/** The name `fields` holds for `name`: headers in any case, query parameters as given. */
const nameIn = (target: FieldTarget, fields: Record<Key, unknown>, name: Key) => (target.field === 'headers' ? (actualName(fields, name) ?? name) : name);

/** The traps of the `headers` and `query` views: reads from the current request's object, writes to the copy's. */
const FIELD_TRAPS: ProxyHandler<FieldTarget> = {
  get: (target, name) => {
    const fields = readFields(target);
    const value = Reflect.get(fields, nameIn(target, fields, name));
    // A multi-value query parameter is an array a handler may change in place: it gets the copy's.
    if (!Array.isArray(value)) return value;
    const copied = writeFields(target);
    return Reflect.get(copied, nameIn(target, copied, name));
  },
  has: (target, name) => {
    const fields = readFields(target);
    return Reflect.has(fields, nameIn(target, fields, name));
  },
  set: (target, name, value) => {
    const fields = writeFields(target);
    const existing = nameIn(target, fields, name);
    if (existing !== name) delete fields[existing];
    return Reflect.set(fields, name, value);
  },
  deleteProperty: (target, name) => {
    const fields = writeFields(target);
    return Reflect.deleteProperty(fields, nameIn(target, fields, name));
  },
  defineProperty: (target, name, descriptor) => Reflect.defineProperty(writeFields(target), name, configurable(descriptor)!),
  ownKeys: (target) => Reflect.ownKeys(readFields(target)),
  getOwnPropertyDescriptor: (target, name) => {
    const fields = readFields(target);
    return configurable(Reflect.getOwnPropertyDescriptor(fields, nameIn(target, fields, name)));
  },
};

/** A view reports and defines every field as configurable: Proxy's rules allow no other for fields its target lacks. */
function configurable(descriptor: PropertyDescriptor | undefined): PropertyDescriptor | undefined {
  return descriptor && { ...descriptor, configurable: true };
}

/** The name `headers` holds for `name` in any case, or undefined. */
function actualName(headers: Record<Key, unknown>, name: Key): Key | undefined {
  if (typeof name !== 'string' || Object.hasOwn(headers, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(headers).find((key) => key.toLowerCase() === lower);
}

/**
 * After a handler replaced the body: `content-length` for its length (a
 * stream of unknown length loses a stale one), and a payload hash computed
 * for the old body dropped, so the signer hashes the new one. botocore does
 * both when it prepares the request, after the handlers ran.
 */
function bodyReplaced(request: HttpRequest): void {
  const headers = request.headers;
  const length = byteLengthOf(request.body);
  if (length !== undefined) {
    if (length > 0 || 'content-length' in headers || !('transfer-encoding' in headers)) headers['content-length'] = String(length);
  } else if ('content-length' in headers && !isStreamingPayload(headers)) {
    delete headers['content-length'];
  }
  const hash = headers['x-amz-content-sha256'];
  if (hash !== undefined && /^[0-9a-f]{64}$/.test(hash)) delete headers['x-amz-content-sha256'];
}

/** SigV4's streaming (aws-chunked) payloads declare their decoded length elsewhere; leave those alone. */
function isStreamingPayload(headers: Record<string, string>): boolean {
  return String(headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
}

function byteLengthOf(body: unknown): number | undefined {
  if (body === undefined || body === null) return 0;
  if (typeof body === 'string') return new TextEncoder().encode(body).byteLength;
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return body.byteLength;
  return undefined;
}
