export { startInspector, type Inspector } from './server.js';
export type {
  InspectorOptions,
  InspectorCredentials,
  InspectorFault,
  InspectedRequest,
  InspectedService,
  WireProtocol,
  SignatureCheck,
  PayloadHashCheck,
  ContentLengthCheck,
  DecodedLengthCheck,
  ChecksumCheck,
} from './types.js';
export { TEST_CREDENTIALS } from './options.js';
export type { LostResponseMatch } from './lost-responses.js';
export { inspectRequest, type RawRequest, type InspectRequestOptions, type Inspection } from './inspect.js';
export { formatLine, formatRecord, summarizeRecord, type FormatOptions } from './display/format.js';
export {
  MASK,
  maskAuthorization,
  maskCanonicalRequest,
  maskCredential,
  maskHeader,
  maskHeaders,
  maskQuery,
  maskQueryValue,
  maskUrl,
} from './display/mask.js';
export { verifySigV4, type SigV4Request, type SigV4Verification } from './verify/sigv4.js';
export { chunkSignature, trailerSignature, verifyChunkChain, type ChunkChain } from './verify/chunk-signatures.js';
export { signingKey } from './verify/sigv4-crypto.js';
export { canonicalUri, canonicalQuery, escapeUri } from './verify/uri.js';
export { computeChecksum } from './checksums/algorithms.js';
export { crc32 } from './checksums/crc32.js';
export { crc32c } from './checksums/crc32c.js';
export { crc64nvme } from './checksums/crc64nvme.js';
export { parseAwsChunked, type AwsChunk, type AwsChunkedBody } from './decode/aws-chunked.js';
export type { StoredObject } from './respond/s3-store.js';
export { parseCliArgs, USAGE, type CliConfig } from './cli-args.js';
