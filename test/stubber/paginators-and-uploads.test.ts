import { expect } from 'chai';
import { ListMetricsCommand, paginateListMetrics } from '@aws-sdk/client-cloudwatch';
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, GetObjectCommand, PutObjectCommand, UploadPartCommand, paginateListObjectsV2, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ANY, Stubber } from '@sdk-events/stubber';
import { cloudWatchClient, s3Client } from '../helpers/clients.js';
import { useInspector } from '../helpers/inspector.js';

const MiB = 1024 * 1024;

describe('stubber: paginators and lib-storage uploads', () => {
  const inspector = useInspector();

  it('a paginator gets one stubbed page per call, each call checked for the token of the page before', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.addResponse(ListMetricsCommand, { Metrics: [{ MetricName: 'a' }], NextToken: 'page-2' }, { Namespace: 'App' });
    stubber.addResponse(ListMetricsCommand, { Metrics: [{ MetricName: 'b' }], NextToken: 'page-3' }, { Namespace: 'App', NextToken: 'page-2' });
    stubber.addResponse(ListMetricsCommand, { Metrics: [{ MetricName: 'c' }] }, { Namespace: 'App', NextToken: 'page-3' });
    const names: string[] = [];
    for await (const page of paginateListMetrics({ client: cw }, { Namespace: 'App' })) names.push(...page.Metrics!.map((m) => m.MetricName!));
    expect(names).to.deep.equal(['a', 'b', 'c']);
    stubber.assertNoPendingResponses();
    expect(inspector.records).to.have.length(0);
  });

  it('an S3 paginator over HTTP stubs: the XML pages parsed by the SDK', async () => {
    const s3 = s3Client(inspector.url);
    const stubber = new Stubber(s3).activate();
    const page = (keys: string[], next?: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><KeyCount>${keys.length}</KeyCount>` +
      `<IsTruncated>${next ? 'true' : 'false'}</IsTruncated>${next ? `<NextContinuationToken>${next}</NextContinuationToken>` : ''}` +
      keys.map((k) => `<Contents><Key>${k}</Key></Contents>`).join('') +
      '</ListBucketResult>';
    stubber.addHttpResponse(ListObjectsV2Command, { statusCode: 200, headers: { 'content-type': 'application/xml' }, body: page(['one', 'two'], 'token-2') });
    stubber.addHttpResponse(ListObjectsV2Command, { statusCode: 200, headers: { 'content-type': 'application/xml' }, body: page(['three']) }, { Bucket: 'b', ContinuationToken: 'token-2' });
    const keys: string[] = [];
    for await (const result of paginateListObjectsV2({ client: s3 }, { Bucket: 'b' })) keys.push(...(result.Contents ?? []).map((c) => c.Key!));
    expect(keys).to.deep.equal(['one', 'two', 'three']);
    stubber.assertNoPendingResponses();
  });

  it('lib-storage Upload, multipart: CreateMultipartUpload, one UploadPart per part, CompleteMultipartUpload', async () => {
    const s3 = s3Client(inspector.url);
    const stubber = new Stubber(s3).activate();
    stubber.addResponse(CreateMultipartUploadCommand, { UploadId: 'upload-1', Bucket: 'b', Key: 'big.bin' }, { Bucket: 'b', Key: 'big.bin', ChecksumAlgorithm: 'CRC32' });
    // Parts go up concurrently: their order in the queue is not their PartNumber order, so PartNumber is ANY.
    stubber.addResponse(UploadPartCommand, { ETag: '"etag-1"' }, { Bucket: 'b', Key: 'big.bin', UploadId: 'upload-1', PartNumber: ANY, Body: ANY });
    stubber.addResponse(UploadPartCommand, { ETag: '"etag-2"' }, { Bucket: 'b', Key: 'big.bin', UploadId: 'upload-1', PartNumber: ANY, Body: ANY });
    stubber.addResponse(CompleteMultipartUploadCommand, { Location: 'https://b.s3/big.bin', ETag: '"whole"' });

    const upload = new Upload({ client: s3, params: { Bucket: 'b', Key: 'big.bin', Body: new Uint8Array(6 * MiB) }, partSize: 5 * MiB });
    const result = await upload.done();

    expect(result.ETag).to.equal('"whole"');
    stubber.assertNoPendingResponses();
    expect(stubber.calls.map((c) => c.operation)).to.deep.equal(['CreateMultipartUpload', 'UploadPart', 'UploadPart', 'CompleteMultipartUpload']);
    const parts = stubber.calls.filter((c) => c.operation === 'UploadPart').map((c) => [c.params['PartNumber'], (c.params['Body'] as Uint8Array).byteLength]);
    expect(parts.sort()).to.deep.equal([[1, 5 * MiB], [2, 1 * MiB]]);
    const complete = stubber.calls.at(-1)!.params as { MultipartUpload: { Parts: { ETag: string; PartNumber: number }[] } };
    expect(complete.MultipartUpload.Parts.map((p) => p.PartNumber)).to.deep.equal([1, 2]);
    expect(new Set(complete.MultipartUpload.Parts.map((p) => p.ETag))).to.deep.equal(new Set(['"etag-1"', '"etag-2"']));
    expect(inspector.records).to.have.length(0);
  });

  it('lib-storage Upload, one part: a single PutObject', async () => {
    const s3 = s3Client(inspector.url);
    const stubber = new Stubber(s3).activate();
    stubber.addResponse(PutObjectCommand, { ETag: '"small"' }, { Bucket: 'b', Key: 'small.txt', Body: ANY });
    const result = await new Upload({ client: s3, params: { Bucket: 'b', Key: 'small.txt', Body: 'tiny' } }).done();
    expect(result.ETag).to.equal('"small"');
    stubber.assertNoPendingResponses();
  });
});

describe('stubber: presigned URLs', () => {
  const inspector = useInspector();

  it('getSignedUrl is not a call: it takes nothing from the queue and is not in calls, as botocore skips presigns', async () => {
    const s3 = s3Client(inspector.url);
    const stubber = new Stubber(s3).activate();
    const early = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 60 });
    expect(early, 'with nothing queued').to.match(/X-Amz-Signature=[0-9a-f]{64}/);
    stubber.addResponse(GetObjectCommand, {});
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 60 });
    expect(url).to.match(/X-Amz-Signature=[0-9a-f]{64}/);
    expect(stubber.calls).to.deep.equal([]);
    await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    stubber.assertNoPendingResponses();
  });
});
