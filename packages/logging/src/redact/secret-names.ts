/**
 * The one list of names whose values are secrets: logging redacts them, and
 * the inspector masks them. Every name is lowercase; compare with
 * `name.toLowerCase()` or use the `isSecret…` functions below.
 */

/**
 * Header names (lowercase) whose values are secrets: credentials,
 * signatures, session tokens, SSE-C keys, cookies, API keys.
 * The SSE-C key's `…-key-md5` headers are not here: they are digests that
 * identify a key, not the key.
 */
export const SECRET_HEADER_NAMES: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'x-amz-security-token',
  'x-amz-s3session-token',
  'x-amz-server-side-encryption-customer-key',
  'x-amz-copy-source-server-side-encryption-customer-key',
  'cookie',
  'set-cookie',
  'x-api-key',
]);

/**
 * Query parameter names (lowercase) whose values are secrets: presigned-URL
 * signatures, credentials and session tokens (SigV4 `X-Amz-…` and SigV2
 * `Signature`, `AWSAccessKeyId`). An access key id is not a secret in
 * AWS's terms, but it names the credential that signed the URL; logging has
 * always redacted it (and the access key inside `X-Amz-Credential`), so the
 * list does too.
 */
export const SECRET_QUERY_PARAMETERS: ReadonlySet<string> = new Set([
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'x-amz-s3session-token',
  'x-amz-server-side-encryption-customer-key',
  'signature',
  'awsaccesskeyid',
]);

/**
 * Member names (lowercase) whose values are secrets whatever the service
 * model says: STS credentials, Secrets Manager values, passwords, private
 * keys, OAuth tokens. `isSecretMemberName` also matches any name ending in
 * `password`, `passphrase` or `privatekey`. Pagination and idempotency
 * tokens (`NextToken`, `ClientToken`) are not secrets and are not listed.
 */
export const SECRET_MEMBER_NAMES: ReadonlySet<string> = new Set([
  'sessiontoken',
  'secretaccesskey',
  'secretkey',
  'password',
  'secretstring',
  'secretbinary',
  'privatekey',
  'clientsecret',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'authtoken',
  'authorizationtoken',
  'securitytoken',
  'apikey',
]);

/** Header names that look like they carry a credential, whatever their exact spelling. */
const SECRET_LOOKING_HEADER = /token|secret|passw(or)?d|credential|signature|cookie|api-?key|(^|-)auth(orization)?($|-)/i;
/** Query parameter names that look like they carry a credential. */
const SECRET_LOOKING_QUERY = /token|secret|passw(or)?d|credential|signature|api-?key/i;
/** Member names that are secrets by their ending (`MasterUserPassword`, `SshPrivateKey`). */
const SECRET_MEMBER_ENDING = /(passw(or)?d|passphrase|privatekey)$/i;

/** Whether a header's value is a secret: listed in `SECRET_HEADER_NAMES`, or named like a credential (`x-my-token`). */
export function isSecretHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADER_NAMES.has(lower) || SECRET_LOOKING_HEADER.test(lower);
}

/** Whether a query parameter's value is a secret: listed in `SECRET_QUERY_PARAMETERS`, or named like a credential. */
export function isSecretQueryParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_QUERY_PARAMETERS.has(lower) || SECRET_LOOKING_QUERY.test(lower);
}

/**
 * Whether a structure member's value is a secret by its name alone
 * (case-insensitive): `SessionToken`, `SecretAccessKey`, `SecretString`,
 * `Password`, `NewPassword`, `PrivateKey`, … See `SECRET_MEMBER_NAMES`.
 */
export function isSecretMemberName(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_MEMBER_NAMES.has(lower) || SECRET_MEMBER_ENDING.test(lower);
}
