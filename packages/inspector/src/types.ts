/** A pair of AWS credentials the inspector verifies SigV4 signatures with. */
export interface InspectorCredentials {
  /** The access key id a request names in its credential scope. */
  accessKeyId: string;
  /** The secret the signature was computed with. */
  secretAccessKey: string;
}

/** Options of {@link startInspector}. */
export interface InspectorOptions {
  /** Port to listen on; `0` (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /**
   * Credentials to verify signatures with, looked up by access key id. Default: the test
   * credentials `AKIDTESTEXAMPLE` / `wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY`. A list given here
   * replaces the default.
   */
  credentials?: InspectorCredentials[];
  /** Answer CloudWatch `PutMetricData` requests whose body on the wire is larger than this with 413. */
  maxBytes?: number;
  /** Answer CloudWatch `PutMetricData` requests with more metrics than this with 413. */
  maxItems?: number;
  /** Called with one summary line per request received (see {@link formatLine}). */
  log?: (line: string) => void;
  /** Called with each record, after it is added to `records` and before the response is written. */
  onRequest?: (record: InspectedRequest) => void;
  /**
   * Answer a request that fails verification (bad signature, payload hash, checksum, length,
   * framing) with the error the real service would send, instead of success. Default `false`:
   * the request succeeds and `problems` says what is wrong.
   */
  strict?: boolean;
  /**
   * How long a request body may stall (no bytes) before the inspector gives up on a body shorter than
   * its `content-length` and answers 400 `IncompleteBody`. Default 5000 ms.
   */
  bodyTimeoutMs?: number;
  /**
   * The largest body kept and verified, in bytes on the wire. A larger one is read to its end
   * and dropped, and answered 413 `RequestEntityTooLarge`; its record says why. Default 64 MiB.
   */
  maxBodyBytes?: number;
  /**
   * The most a body may decode to (each content-encoding layer, gzip bombs included): decoding
   * stops there, and the request is answered 413 `RequestEntityTooLarge`; its record says why.
   * Default 64 MiB.
   */
  maxDecodedBytes?: number;
  /** The most records `records` keeps; the oldest go first. Default 1000. */
  maxRecords?: number;
  /**
   * The most body bytes all records keep together (`wireBody`, `payload`, `decodedBody`);
   * beyond it the oldest records' bodies are dropped (`bodiesDropped`), their sizes, hashes and
   * verification results kept. Default 256 MiB.
   */
  maxStoredBodyBytes?: number;
}

/** An error the inspector answers instead of success; see {@link Inspector.failNext}. */
export interface InspectorFault {
  /** HTTP status, 400 to 599. */
  status: number;
  /** Error code in the protocol's error shape; default by status (500 `InternalFailure`, 503 `ServiceUnavailable`, ...). */
  code?: string;
  /** Error message; default a sentence naming the code. */
  message?: string;
  /** Only requests to this service (`cloudwatch`, `lambda`, `s3`) match; default any. */
  service?: string;
  /** Only requests for this operation (`PutMetricData`) match; default any. */
  operation?: string;
}

/** The services the inspector recognizes. */
export type InspectedService = 'cloudwatch' | 'lambda' | 's3' | 'unknown';

/** The wire protocol a request was recognized as speaking. */
export type WireProtocol = 'awsJson1_0' | 'awsQuery' | 'rpcv2Cbor' | 'restJson1' | 'restXml' | 'unknown';

/** What the SigV4 verification found. */
export interface SignatureCheck {
  /** Whether the request carries a SigV4 signature (header or presigned query). */
  present: boolean;
  /** Whether the signature verifies for the credentials of its access key id. `false` when absent. */
  valid: boolean;
  /** Why it did not verify (or why it is absent). */
  reason?: string;
  /** The `SignedHeaders` list, as sent. */
  signedHeaders: string[];
  /** The access key id of the credential scope. */
  accessKeyId?: string;
  /** `header` (Authorization), `query` (presigned URL) or `none`. */
  kind: 'header' | 'query' | 'none';
  /** The signing algorithm named, e.g. `AWS4-HMAC-SHA256`. */
  algorithm?: string;
  /** Credential scope date (`20261121`). */
  date?: string;
  /** Credential scope region. */
  region?: string;
  /** Credential scope service (the signing name: `monitoring`, `lambda`, `s3`). */
  signingService?: string;
  /** The canonical request the inspector computed (what the client should have signed). */
  canonicalRequest?: string;
  /** The string to sign the inspector computed. */
  stringToSign?: string;
  /** For `STREAMING-AWS4-HMAC-SHA256-PAYLOAD*` bodies: the chunk signature chain. */
  chunks?: { count: number; valid: boolean | undefined; reason?: string };
}

/** What the `x-amz-content-sha256` check found. */
export interface PayloadHashCheck {
  /** The header as sent. */
  header?: string;
  /**
   * `true` when a hex hash matches the body on the wire or the value is a valid keyword
   * (`UNSIGNED-PAYLOAD`, `STREAMING-UNSIGNED-PAYLOAD-TRAILER`, and the signed streaming kinds when their
   * chunk signatures verify); `false` on a mismatch or an unknown value; `undefined` without the
   * header or when signed chunks could not be checked.
   */
  valid: boolean | undefined;
  /** What the header declares. */
  kind?: 'sha256' | 'unsigned' | 'streaming-unsigned-trailer' | 'streaming-signed' | 'streaming-signed-trailer' | 'unknown';
  /** The SHA-256 (hex) of the body on the wire. */
  actual: string;
}

/** What the `content-length` check found. */
export interface ContentLengthCheck {
  /** The header as sent. */
  header?: number;
  /** Whether it matches the bytes that arrived; `undefined` without the header (chunked transfer). */
  valid: boolean | undefined;
}

/** What the `x-amz-decoded-content-length` check found (aws-chunked bodies). */
export interface DecodedLengthCheck {
  /** The header as sent. */
  header?: number;
  /** Whether it matches the payload after removing the aws-chunked framing; `undefined` without the header. */
  valid: boolean | undefined;
}

/** One checksum header (or aws-chunked trailer) and whether it matches. */
export interface ChecksumCheck {
  /** Header name: `content-md5`, `x-amz-checksum-crc32`, `-crc32c`, `-crc64nvme`, `-sha1`, `-sha256`. */
  name: string;
  /** The value sent. */
  expected: string;
  /** The value computed over the payload (after aws-chunked framing, before content-encoding). */
  actual: string;
  /** `expected === actual`. */
  valid: boolean;
  /** Where the value was sent. */
  source: 'header' | 'trailer';
}

/** Everything the inspector recorded and verified about one request. */
export interface InspectedRequest {
  /** 1-based sequence number within this inspector. */
  id: number;
  /** When the request arrived (ISO 8601). */
  receivedAt: string;
  /** HTTP method. */
  method: string;
  /** The path as sent (still percent-encoded), without the query. */
  path: string;
  /** The request target as sent: path and raw query. */
  url: string;
  /** Query parameters, decoded; a repeated name gives an array. */
  query: Record<string, string | string[]>;
  /** Request headers, lowercase names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The service the request was for. */
  service: InspectedService;
  /** The operation (`PutMetricData`, `Invoke`, `PutObject`), when recognized. */
  operation: string | undefined;
  /** The wire protocol recognized. */
  protocol: WireProtocol;
  /** What the operation acts on, when it names something: `bucket/key`, a bucket, a function name. */
  resource?: string;
  /** The body exactly as it arrived (HTTP transfer-encoding removed). */
  wireBody: Buffer;
  /** The body after removing aws-chunked framing, before content-encoding: what S3 stores and checksums cover. */
  payload: Buffer;
  /** The body after removing aws-chunked framing and every content-encoding layer. */
  decodedBody: Buffer;
  /** How many gzip layers were removed (declared ones, plus undeclared ones for services other than S3). */
  gzipLayers: number;
  /** The `content-encoding` header as a list, in order. */
  contentEncoding: string[];
  /** aws-chunked trailers (`x-amz-checksum-crc32` ...), lowercase names. */
  trailers: Record<string, string>;
  /** SigV4 verification. */
  signature: SignatureCheck;
  /** `x-amz-content-sha256` verification. */
  payloadHash: PayloadHashCheck;
  /** `content-length` verification. */
  contentLength: ContentLengthCheck;
  /** `x-amz-decoded-content-length` verification. */
  decodedContentLength: DecodedLengthCheck;
  /** Checksum verification, one entry per checksum sent. */
  checksums: ChecksumCheck[];
  /** Number of metrics in a CloudWatch `PutMetricData` body. */
  metricCount?: number;
  /** The HTTP status the inspector answered (0 when no answer could be sent). */
  status: number;
  /** The error code the inspector answered, for an error status. */
  errorCode?: string;
  /** `true` when the answer was lost on purpose (`loseResponseNext`): `status` is what it would have answered. */
  responseLost?: boolean;
  /** The request id the inspector answered with. */
  requestId: string;
  /** One readable line per failed verification; empty when everything verified. */
  problems: string[];
  /**
   * Set when the record no longer holds its bodies (empty buffers in their place): why
   * (`maxStoredBodyBytes` reached, or a body over `maxBodyBytes` that was never kept).
   */
  bodiesDropped?: string;
  /** The sizes of the bodies as they arrived, kept when the bodies themselves are dropped. */
  bodySizes?: { wire: number; payload: number; decoded: number };
}
