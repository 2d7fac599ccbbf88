/** The event handlers: `createGzipHandler` and the seed's `gzipRequestBody`. */
import { gzipRequestInPlace, isGzipableRequest, type GzipOutcome, type GzipableRequest } from './gzip-request.js';
import { checkOptionsObject, resolveSettings, type GzipOptions } from './options.js';
import { MULTIPART_PART_OPERATIONS } from './multipart.js';

/**
 * The payload a gzip handler needs: a `request` (as in `before-sign` and
 * `request-created`). Typed loosely so the handler can be registered on any
 * name, globs included; a payload without a request is a `TypeError`.
 */
export interface GzipHandlerPayload {
  request?: unknown;
  eventName?: string;
  /** The operation (`before-sign`, `request-created`): multipart parts are left alone. */
  operationName?: unknown;
  /** The signer (`before-sign`): a presign's ends in `-query` and is left alone. */
  signatureVersion?: unknown;
}


/**
 * Whether a gzip handler leaves this event's request as it is: a presign
 * (the URL is signed for a body the handler never sees; botocore names its
 * signer `s3v4-query`) or one part of a multipart upload.
 */
function leftAlone(payload: GzipHandlerPayload): boolean {
  if (typeof payload.signatureVersion === 'string' && payload.signatureVersion.endsWith('-query')) return true;
  const operation = typeof payload.operationName === 'string' ? payload.operationName : payload.eventName?.split('.')[2];
  return operation !== undefined && MULTIPART_PART_OPERATIONS.includes(operation);
}

/** An event handler that gzips `payload.request`'s body in place. Resolves to `undefined` (no response). */
export type GzipHandler = (payload: GzipHandlerPayload) => Promise<void>;

/**
 * Makes a handler that gzips the request body of the event it is registered
 * on (register it on `before-sign`, or on `request-created`: it must run
 * before signing; an already-signed request is left alone). Presigns and
 * multipart parts (`MULTIPART_PART_OPERATIONS`) are left alone. Leaves the
 * request untouched whenever compressing would make it invalid (see the
 * README). Defaults: `minBytes` 1024, `level` -1 (zlib's default).
 *
 * @example
 * eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', createGzipHandler({ minBytes: 2048, level: 9 }));
 * @throws TypeError when an option is invalid (naming it).
 */
export function createGzipHandler(options?: GzipOptions): GzipHandler {
  const settings = resolveSettings(checkOptionsObject(options, 'createGzipHandler', ['minBytes', 'level']), 'createGzipHandler');
  const gzipHandler = async function gzipHandler(payload: GzipHandlerPayload): Promise<void> {
    const request = payload?.request;
    if (payload && leftAlone(payload)) return;
    if (!isGzipableRequest(request)) {
      const where = typeof payload?.eventName === 'string' ? `'${payload.eventName}'` : 'this event';
      throw new TypeError(`gzip handler: the payload of ${where} has no request with headers; register it on before-sign`);
    }
    await gzipRequestInPlace(request, settings);
  };
  // Lets other plugins (payload-guard) see, without depending on this package, what this handler will do.
  Object.defineProperty(gzipHandler, GZIP_HANDLER_SETTINGS, { value: Object.freeze({ ...settings }) });
  return gzipHandler;
}

/**
 * The key under which every gzip handler carries its settings
 * (`{ minBytes, level }`), so that a plugin such as payload-guard can tell
 * that a handler will compress a request, and how, without importing this
 * package: `Symbol.for('sdk-events.gzip')`.
 *
 * @example
 * const settings = events.handlersFor('before-sign.cloudwatch.PutMetricData')
 *   .map((handler) => handler[GZIP_HANDLER_SETTINGS]).find(Boolean);
 */
export const GZIP_HANDLER_SETTINGS: unique symbol = Symbol.for('sdk-events.gzip');

/**
 * gzips a request's body in place, outside of any event (e.g. in your own
 * middleware), and says what it did. Same rules and options as
 * `createGzipHandler`.
 *
 * @example
 * const outcome = await gzipRequest(request, { minBytes: 0 });
 * if (!outcome.compressed) console.log('left alone:', outcome.reason);
 * @throws TypeError when an option is invalid or `request` has no headers object.
 */
export async function gzipRequest(request: GzipableRequest, options?: GzipOptions): Promise<GzipOutcome> {
  const settings = resolveSettings(checkOptionsObject(options, 'gzipRequest', ['minBytes', 'level']), 'gzipRequest');
  if (!isGzipableRequest(request)) throw new TypeError('gzipRequest: request must be an object with a headers object');
  return gzipRequestInPlace(request, settings);
}

/**
 * The seed's `gzip_request_body`, ready to register: gzips any non-empty
 * body (`minBytes` 1) at zlib's default level.
 *
 * @example
 * eventsOf(cw).register('before-sign.cloudwatch.PutMetricData', gzipRequestBody);
 */
export const gzipRequestBody: GzipHandler = createGzipHandler({ minBytes: 1 });
