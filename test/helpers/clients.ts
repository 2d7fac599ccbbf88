import { CloudWatchClient, type CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import { LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

/** The credentials every test client signs with; the local endpoint verifies signatures against them. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDTESTEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

const common = (url: string) => ({ region: 'us-east-1', endpoint: url, credentials: TEST_CREDENTIALS });

/** A real CloudWatch client pointed at a local endpoint. */
export const cloudWatchClient = (url: string, extra: Partial<CloudWatchClientConfig> = {}) =>
  new CloudWatchClient({ ...common(url), ...extra });

/** A real Lambda client pointed at a local endpoint. */
export const lambdaClient = (url: string, extra: Partial<LambdaClientConfig> = {}) =>
  new LambdaClient({ ...common(url), ...extra });

/** A real S3 client (path style) pointed at a local endpoint. */
export const s3Client = (url: string, extra: Partial<S3ClientConfig> = {}) =>
  new S3Client({ ...common(url), forcePathStyle: true, ...extra });
