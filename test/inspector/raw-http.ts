// Sending requests by hand (node:http and raw sockets), to replay what a real client sent with
// one thing changed, and to send requests no SDK would.
import http from 'node:http';
import net from 'node:net';
import type { InspectedRequest } from '@sdk-events/inspector';

/** A response read in full. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request to send with node:http. */
export interface RawRequestSpec {
  method: string;
  /** Request target: path and raw query. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Sends one request with node:http (no keep-alive) and reads the whole response. */
export function sendRaw(baseUrl: string, spec: RawRequestSpec): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method: spec.method, path: spec.path, headers: spec.headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(spec.body);
  });
}

/** What to change when replaying a recorded request; a header set to `undefined` is removed. */
export interface ReplayChanges {
  headers?: Record<string, string | undefined>;
  body?: Buffer;
  path?: string;
}

/**
 * Sends a recorded request again, byte for byte as it arrived (signature included), except for
 * `changes`. `content-length` follows a changed body unless the changes set it.
 */
export function replay(baseUrl: string, record: InspectedRequest, changes: ReplayChanges = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...record.headers };
  delete headers['connection'];
  const body = changes.body ?? record.wireBody;
  if (headers['content-length'] !== undefined) headers['content-length'] = String(body.length);
  for (const [name, value] of Object.entries(changes.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return sendRaw(baseUrl, { method: record.method, path: changes.path ?? record.url, headers, body });
}

/**
 * Writes raw bytes on a fresh socket, optionally half-closes it, and resolves with whatever comes
 * back once the server closes the connection.
 */
export function sendOverSocket(baseUrl: string, bytes: Buffer, options: { halfClose: boolean }): Promise<Buffer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(bytes);
      if (options.halfClose) socket.end();
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}
