import type { HandlerExecutionContext } from '@smithy/types';
import { UNSIGNED, type SignatureVersion } from '../lifecycle.js';
import { smithyContextOf } from './call.js';

/** What `choose-signer` and `before-sign` tell handlers about signing, named as botocore names it. */
export interface Signing {
  signingName: string;
  regionName: string;
  /** `choose-signer`'s name (botocore: `v4` for S3 too; `none` for an operation modelled without auth). */
  chooseVersion: string;
  /** `before-sign`'s name (botocore: `s3v4` for S3; `UNSIGNED` for an operation modelled without auth). */
  signVersion: SignatureVersion;
}

/**
 * Reads the auth scheme the SDK selected for this call and names it as
 * botocore 1.43 does (checked by running it: test/core/differential/signing.py):
 * `v4` or `v4a`, and S3's signer `s3v4` in `before-sign`; a presign is
 * `s3v4-query` in both (botocore's SigV4 presign; v3 never presigns with
 * SigV2); an operation modelled without auth (STS `AssumeRoleWithWebIdentity`)
 * is `none` in `choose-signer` and `UNSIGNED` in `before-sign`, with the
 * service's signing name and the region all the same.
 */
export function signingOf(sdkContext: HandlerExecutionContext, presign: boolean, fallbackName: string): Signing {
  const option = smithyContextOf(sdkContext).selectedHttpAuthScheme?.httpAuthOption;
  const props = option?.signingProperties ?? {};
  const endpointScheme = (sdkContext as any).endpointV2?.properties?.authSchemes?.[0] ?? {};
  const signingName: string = props.signingName ?? props.name ?? (sdkContext as any).signing_service ?? endpointScheme.signingName ?? fallbackName;
  const regionName: string =
    props.signingRegion ?? props.region ?? (sdkContext as any).signing_region ?? endpointScheme.signingRegion ?? endpointScheme.signingRegionSet?.join(',') ?? '';
  const s3 = signingName === 's3' || signingName === 's3-outposts' || signingName === 's3express';
  const named = (version: string, s3Version: string): Signing =>
    presign
      ? { signingName, regionName, chooseVersion: `${s3 ? s3Version : version}-query`, signVersion: `${s3 ? s3Version : version}-query` }
      : { signingName, regionName, chooseVersion: version, signVersion: s3 ? s3Version : version };
  switch (option?.schemeId) {
    case 'aws.auth#sigv4':
      return named('v4', 's3v4');
    case 'aws.auth#sigv4a':
      return named('v4a', 's3v4a');
    case 'smithy.api#httpBearerAuth':
      return { signingName, regionName, chooseVersion: 'bearer', signVersion: 'bearer' };
    case 'smithy.api#noAuth':
    case undefined:
      return { signingName, regionName, chooseVersion: 'none', signVersion: UNSIGNED };
    default:
      return { signingName, regionName, chooseVersion: option.schemeId, signVersion: option.schemeId };
  }
}

/** The client's region (its config holds a provider of it), for operations whose auth scheme names none. */
export async function regionOfClient(config: { region?: unknown }): Promise<string> {
  const region = typeof config.region === 'function' ? await (config.region as () => unknown)() : config.region;
  return typeof region === 'string' ? region : '';
}

/**
 * Runs `send` (the rest of the stack, whose first middleware is the SDK's
 * signer) with a signer that signs nothing. The signer reads the scheme
 * from the SDK's context as soon as it is called, before its first await,
 * so the scheme is put back right after, before any other call (one sharing
 * the context under `cacheMiddleware`) can read it.
 */
export function withoutSigning<T>(sdkContext: HandlerExecutionContext, send: () => Promise<T>): Promise<T> {
  const smithy = smithyContextOf(sdkContext);
  const scheme = smithy.selectedHttpAuthScheme;
  smithy.selectedHttpAuthScheme = {
    httpAuthOption: scheme?.httpAuthOption ?? { schemeId: 'smithy.api#noAuth', signingProperties: {} },
    identity: scheme?.identity ?? {},
    signer: { sign: async (request: unknown) => request },
  };
  try {
    return send();
  } finally {
    smithy.selectedHttpAuthScheme = scheme;
  }
}
