import { SMITHY_CONTEXT_KEY, type HandlerExecutionContext } from '@smithy/types';
import type { SignatureVersion } from '../lifecycle/events.js';

/** What `choose-signer` and `before-sign` tell handlers about signing. */
export interface SigningInfo {
  signingName: string;
  regionName: string;
  signatureVersion: SignatureVersion;
}

/**
 * Reads the auth scheme the SDK selected for this call (httpAuthSchemeMiddleware
 * sets it; the endpoint middleware refines its signing name and region) and
 * names it as botocore would.
 */
export function signingInfoOf(sdkContext: HandlerExecutionContext): SigningInfo {
  const scheme = (sdkContext as any)[SMITHY_CONTEXT_KEY]?.selectedHttpAuthScheme;
  const option = scheme?.httpAuthOption;
  const props = option?.signingProperties ?? {};
  const signingName: string = props.signingName ?? props.name ?? (sdkContext as any).signing_service ?? '';
  const regionName: string = props.signingRegion ?? props.region ?? (sdkContext as any).signing_region ?? '';
  return { signingName, regionName, signatureVersion: signatureVersionOf(option?.schemeId, signingName) };
}

/** botocore's names for the Smithy auth scheme ids. */
function signatureVersionOf(schemeId: string | undefined, signingName: string): SignatureVersion {
  switch (schemeId) {
    case 'aws.auth#sigv4':
      return signingName === 's3' ? 's3v4' : 'v4';
    case 'aws.auth#sigv4a':
      return signingName === 's3' ? 's3v4a' : 'v4a';
    case 'smithy.api#httpBearerAuth':
      return 'bearer';
    case 'smithy.api#noAuth':
    case undefined:
      return null;
    default:
      return schemeId;
  }
}
