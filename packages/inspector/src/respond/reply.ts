/** An HTTP answer the inspector writes. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The error code, when the reply is an error. */
  errorCode?: string;
}

/** Escapes text for XML element content. */
export function xmlEscape(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Undoes {@link xmlEscape} and numeric character references. */
export function xmlUnescape(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&(lt|gt|amp|apos|quot);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' })[name]!);
}

/** A JSON reply. */
export function jsonReply(status: number, value: unknown, contentType = 'application/json', headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': contentType, ...headers }, body: Buffer.from(JSON.stringify(value), 'utf8') };
}

/** An XML reply (with the XML declaration). */
export function xmlReply(status: number, xml: string, headers: Record<string, string> = {}, contentType = 'application/xml'): Reply {
  return { status, headers: { 'content-type': contentType, ...headers }, body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, 'utf8') };
}

/** A reply without a body. */
export function emptyReply(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: Buffer.alloc(0) };
}
