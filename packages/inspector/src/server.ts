import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { formatLine } from './display/format.js';
import { FaultQueue, validateFault } from './faults.js';
import { inspectRequest, noteExtraBytes, type Inspection } from './inspect.js';
import { LostResponseQueue, validateLostResponse, type LostResponseMatch } from './lost-responses.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { dropBodies, keepWithinLimits } from './retention.js';
import { cloudWatchReply } from './respond/cloudwatch.js';
import { corsHeaders, isPreflight, preflightHeaders } from './respond/cors.js';
import { errorReply, type ErrorSpec, type ErrorTarget } from './respond/errors.js';
import { lambdaReply } from './respond/lambda.js';
import { jsonReply, type Reply } from './respond/reply.js';
import { s3Reply } from './respond/s3.js';
import { S3Store, type StoredObject } from './respond/s3-store.js';
import { strictRejection } from './respond/strict.js';
import type { InspectedRequest, InspectorFault, InspectorOptions } from './types.js';

/** A running inspector: a local endpoint that records and verifies every request. */
export interface Inspector {
  /** Base URL to give clients as `endpoint`, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** The port listened on. */
  readonly port: number;
  /** The interface listened on. */
  readonly host: string;
  /** Every request received, in order of arrival. */
  readonly records: InspectedRequest[];
  /** Forgets the records and queued faults (stored S3 objects stay). */
  clear(): void;
  /** Answers the next `count` matching requests with `fault` instead of success. */
  failNext(count: number, fault: InspectorFault): void;
  /** How many fault answers are still queued. */
  readonly pendingFaults: number;
  /**
   * Handles the next `count` matching requests as usual (recorded, S3 objects stored) but closes
   * the connection instead of answering: the response is lost, and the SDK retries.
   */
  loseResponseNext(count: number, match?: LostResponseMatch): void;
  /** The object the in-memory S3 holds at `bucket`/`key`. */
  object(bucket: string, key: string): StoredObject | undefined;
  /** Resolves with the records once at least `count` have arrived; rejects after `timeoutMs` (default 5000). */
  waitForRecords(count: number, timeoutMs?: number): Promise<InspectedRequest[]>;
  /** Stops listening and closes every connection, idle keep-alive ones included. */
  close(): Promise<void>;
}

interface PendingRequest {
  req: IncomingMessage;
  res: ServerResponse;
  chunks: Buffer[];
  received: number;
  declaredLength: number | undefined;
  timer: NodeJS.Timeout | undefined;
  finished: boolean;
  answered: boolean;
  closeAfter: boolean;
  extraBytes?: number;
  record?: InspectedRequest;
  /** Set once the body passed `maxBodyBytes`: the rest is read and dropped. */
  overLimit?: boolean;
}

type ParserError = Error & { code?: string; rawPacket?: Buffer; bytesParsed?: number };

/** Starts an inspector on 127.0.0.1 (a free port by default). */
export async function startInspector(options?: InspectorOptions): Promise<Inspector> {
  const resolved = resolveOptions(options);
  const inspector = new InspectorServer(resolved);
  await inspector.listen();
  return inspector;
}

class InspectorServer implements Inspector {
  readonly records: InspectedRequest[] = [];
  private readonly server: http.Server;
  private readonly faults = new FaultQueue();
  private readonly lostResponses = new LostResponseQueue();
  private readonly store = new S3Store();
  private readonly events = new EventEmitter();
  private readonly latestOnSocket = new WeakMap<Socket, PendingRequest>();
  private readonly inFlight = new Set<PendingRequest>();
  private sequence = 0;
  private boundPort = 0;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: ResolvedOptions) {
    this.server = http.createServer((req, res) => this.accept(req, res));
    this.server.on('clientError', (error: ParserError, socket: Socket) => this.onClientError(error, socket));
    this.events.setMaxListeners(0);
  }

  get port(): number {
    return this.boundPort;
  }

  get host(): string {
    return this.options.host;
  }

  get url(): string {
    const host = this.options.host === '0.0.0.0' ? '127.0.0.1' : this.options.host === '::' ? '::1' : this.options.host;
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.boundPort}`;
  }

  get pendingFaults(): number {
    return this.faults.pending;
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(new Error(`the inspector cannot listen on ${this.options.host}:${this.options.port}: ${error.message}`));
      this.server.once('error', onError);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', onError);
        const address = this.server.address();
        this.boundPort = typeof address === 'object' && address !== null ? address.port : this.options.port;
        resolve();
      });
    });
  }

  clear(): void {
    this.records.length = 0;
    this.faults.clear();
    this.lostResponses.clear();
  }

  failNext(count: number, fault: InspectorFault): void {
    validateFault(count, fault);
    this.faults.add(count, fault);
  }

  loseResponseNext(count: number, match: LostResponseMatch = {}): void {
    validateLostResponse(count, match);
    this.lostResponses.add(count, match);
  }

  object(bucket: string, key: string): StoredObject | undefined {
    return this.store.get(bucket, key);
  }

  waitForRecords(count: number, timeoutMs = 5000): Promise<InspectedRequest[]> {
    if (!Number.isInteger(count) || count < 0) throw new TypeError(`waitForRecords: count must be a non-negative integer, got ${String(count)}`);
    if (this.records.length >= count) return Promise.resolve(this.records);
    return new Promise((resolve, reject) => {
      const onRecord = () => {
        if (this.records.length < count) return;
        clearTimeout(timer);
        this.events.off('record', onRecord);
        resolve(this.records);
      };
      const timer = setTimeout(() => {
        this.events.off('record', onRecord);
        reject(new Error(`waitForRecords: ${this.records.length} of ${count} requests arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      this.events.on('record', onRecord);
    });
  }

  close(): Promise<void> {
    if (!this.closing) {
      for (const pending of this.inFlight) clearTimeout(pending.timer);
      this.closing = new Promise((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      });
    }
    return this.closing;
  }

  private accept(req: IncomingMessage, res: ServerResponse): void {
    if (isPreflight(req.method, req.headers)) {
      // A browser's question, not an SDK request: answered, not recorded.
      res.writeHead(204, preflightHeaders(req.headers)).end();
      req.resume();
      return;
    }
    const lengthHeader = req.headers['content-length'];
    const declaredLength = lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
    const pending: PendingRequest = { req, res, chunks: [], received: 0, declaredLength, timer: undefined, finished: false, answered: false, closeAfter: false };
    this.latestOnSocket.set(req.socket, pending);
    this.inFlight.add(pending);
    req.on('data', (chunk: Buffer) => {
      pending.received += chunk.length;
      if (pending.received > this.options.maxBodyBytes) {
        // Read to the end (so the client gets its 413), keep nothing.
        pending.overLimit = true;
        pending.chunks = [];
      } else {
        pending.chunks.push(chunk);
      }
      this.armStallTimer(pending);
    });
    req.on('end', () => this.finish(pending));
    req.on('error', () => this.finish(pending, 'the connection failed while the body was arriving'));
    this.armStallTimer(pending);
  }

  /** A body shorter than its content-length would hang the client forever: give up after a stall. */
  private armStallTimer(pending: PendingRequest): void {
    clearTimeout(pending.timer);
    if (pending.finished || pending.declaredLength === undefined || pending.received >= pending.declaredLength) return;
    const ms = this.options.bodyTimeoutMs;
    pending.timer = setTimeout(() => this.finish(pending, `no more bytes arrived for ${ms} ms`), ms);
  }

  private onClientError(error: ParserError, socket: Socket): void {
    const pending = this.latestOnSocket.get(socket);
    if (pending && !pending.finished && !pending.req.complete) {
      this.finish(pending, error.code === 'HPE_INVALID_EOF_STATE' ? 'the client closed the connection' : `connection error ${error.code ?? error.message}`);
      return;
    }
    if (pending && pending.req.complete && error.rawPacket && typeof error.bytesParsed === 'number') {
      // Bytes after the declared body: node parsed them as the next request and failed.
      const extraBytes = Math.max(1, error.rawPacket.length - error.bytesParsed);
      if (!pending.finished) pending.extraBytes = extraBytes;
      else if (pending.record) noteExtraBytes(pending.record, extraBytes);
      if (pending.answered) socket.destroy();
      else pending.closeAfter = true;
      return;
    }
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    this.options.log?.(`malformed HTTP request: ${error.message}`);
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  }

  private finish(pending: PendingRequest, incomplete?: string): void {
    if (pending.finished) return;
    pending.finished = true;
    clearTimeout(pending.timer);
    this.inFlight.delete(pending);
    const { req } = pending;
    const inspection = inspectRequest(
      {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(pending.chunks),
        ...(incomplete !== undefined ? { incomplete } : {}),
        ...(pending.extraBytes !== undefined ? { extraBytes: pending.extraBytes } : {}),
      },
      { credentials: this.options.credentials, maxDecodedBytes: this.options.maxDecodedBytes },
    );
    const { record } = inspection;
    if (pending.overLimit) {
      inspection.tooLarge = `the body is ${pending.received} bytes, more than ${this.options.maxBodyBytes} (maxBodyBytes): not kept, not verified`;
      record.problems = [inspection.tooLarge];
      dropBodies(record, inspection.tooLarge);
      record.bodySizes = { wire: pending.received, payload: pending.received, decoded: pending.received };
    }
    record.id = ++this.sequence;
    record.requestId = randomUUID();
    let reply: Reply;
    try {
      reply = this.chooseReply(inspection, incomplete);
    } catch (error) {
      reply = jsonReply(500, { __type: 'InspectorError', message: `the inspector failed: ${(error as Error).message}` }, 'application/json', { 'x-amzn-errortype': 'InspectorError' });
      reply.errorCode = 'InspectorError';
    }
    record.status = reply.status;
    if (reply.errorCode !== undefined) record.errorCode = reply.errorCode;
    pending.record = record;
    this.records.push(record);
    keepWithinLimits(this.records, this.options);
    try {
      this.options.onRequest?.(record);
      this.options.log?.(formatLine(record));
    } catch (error) {
      // A throwing callback must not take the endpoint down; say so where the user looks.
      process.emitWarning(`sdk-events inspector: onRequest/log threw: ${(error as Error).message}`);
    }
    this.events.emit('record', record);
    if (incomplete === undefined && this.lostResponses.take(record)) {
      record.responseLost = true;
      req.socket.destroy();
      return;
    }
    this.write(pending, reply, incomplete !== undefined || pending.closeAfter);
  }

  private chooseReply(inspection: Inspection, incomplete: string | undefined): Reply {
    const { record, detection } = inspection;
    const target: ErrorTarget = {
      service: record.service,
      protocol: record.protocol,
      method: record.method,
      requestId: record.requestId,
      queryMode: record.headers['x-amzn-query-mode'] === 'true',
    };
    if (incomplete !== undefined) {
      return errorReply({ status: 400, code: 'IncompleteBody', message: `You did not provide the number of bytes specified by the Content-Length HTTP header (${incomplete}).` }, target);
    }
    if (inspection.tooLarge !== undefined) {
      return errorReply({ status: 413, code: 'RequestEntityTooLarge', message: `The inspector does not take this request: ${inspection.tooLarge}` }, target);
    }
    const fault = this.faults.take(record);
    if (fault) return errorReply(fault, target);
    const tooLarge = this.limitRejection(record);
    if (tooLarge) return errorReply(tooLarge, target);
    if (this.options.strict) {
      const rejection = strictRejection(inspection);
      if (rejection) return errorReply(rejection, target);
    }
    switch (record.service) {
      case 'cloudwatch':
        return cloudWatchReply(record.protocol, record.operation, record.requestId);
      case 'lambda':
        return lambdaReply(record);
      case 's3':
        return s3Reply(record, detection, this.store);
      default:
        return jsonReply(200, {});
    }
  }

  /** CloudWatch's PutMetricData limits: bytes on the wire and number of metrics. */
  private limitRejection(record: InspectedRequest): ErrorSpec | undefined {
    if (record.service !== 'cloudwatch' || record.operation !== 'PutMetricData') return undefined;
    const { maxBytes, maxItems } = this.options;
    if (maxBytes !== undefined && record.wireBody.length > maxBytes) {
      return { status: 413, code: 'RequestEntityTooLarge', message: `Request size ${record.wireBody.length} bytes exceeded the limit of ${maxBytes} bytes` };
    }
    if (maxItems !== undefined && record.metricCount !== undefined && record.metricCount > maxItems) {
      return { status: 413, code: 'RequestEntityTooLarge', message: `The collection MetricData has ${record.metricCount} members, more than the limit of ${maxItems}` };
    }
    return undefined;
  }

  private write(pending: PendingRequest, reply: Reply, closeConnection: boolean): void {
    const { req, res } = pending;
    const record = pending.record!;
    if (res.headersSent || res.destroyed || req.socket.destroyed) {
      record.status = 0;
      return;
    }
    const headers: Record<string, string> = {
      ...corsHeaders(req.headers['origin']),
      ...reply.headers,
      'x-amzn-requestid': record.requestId,
      'x-amz-request-id': record.requestId,
      'content-length': reply.headers['content-length'] ?? String(reply.body.length),
    };
    if (record.service === 's3') headers['x-amz-id-2'] = 'sdk-events-inspector';
    if (closeConnection) headers['connection'] = 'close';
    try {
      res.writeHead(reply.status, headers);
      res.end(record.method === 'HEAD' ? undefined : reply.body);
      pending.answered = true;
    } catch {
      record.status = 0;
      req.socket.destroy();
      return;
    }
    if (closeConnection) res.once('finish', () => req.socket.destroy());
  }
}
