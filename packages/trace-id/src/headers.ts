/** A request's headers as the SDK keeps them: a plain object whose keys may be in any case. */
export type HeaderBag = Record<string, string>;

/** The keys of `headers` that equal `name` ignoring case (HTTP header names are case-insensitive). */
export function headerKeys(headers: HeaderBag, name: string): string[] {
  const lower = name.toLowerCase();
  return Object.keys(headers).filter((key) => key.toLowerCase() === lower);
}

/** Whether `headers` already has `name`, in any case. */
export function hasHeader(headers: HeaderBag, name: string): boolean {
  return headerKeys(headers, name).length > 0;
}

/** Sets `name` to `value`, first removing every differently-cased copy so exactly one remains. */
export function replaceHeader(headers: HeaderBag, name: string, value: string): void {
  for (const key of headerKeys(headers, name)) delete headers[key];
  headers[name] = value;
}

/** RFC 9110 `token`: the characters a header name may contain. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Whether `name` is a valid HTTP header name. */
export function isValidHeaderName(name: string): boolean {
  return HEADER_NAME.test(name);
}

/** Visible ASCII and inner spaces/tabs only: no CR, LF or other control characters that could split a header. */
const HEADER_VALUE = /^[\x21-\x7e]([\x20-\x7e\t]*[\x21-\x7e])?$/;

/** Whether `value` is a non-empty header value that cannot inject other headers. */
export function isValidHeaderValue(value: string): boolean {
  return HEADER_VALUE.test(value);
}
