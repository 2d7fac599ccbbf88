import { expect } from 'chai';
import { CreateBucketCommand, DeleteObjectsCommand, PutObjectCommand, type DeleteObjectsCommandInput, type ObjectIdentifier } from '@aws-sdk/client-s3';
import { eventsOf } from '@sdk-events/core';
import type { Inspector } from '@sdk-events/inspector';
import { useInspector } from '../helpers/inspector.js';
import { payloadGuardPlugin, payloadGuardReportOf, type BatchSpec } from '@sdk-events/payload-guard';
import { s3Client } from '../helpers/clients.js';
import { expectAllVerified } from './helpers.js';

/** S3 DeleteObjects takes at most 1000 keys per request. */
const deleteObjectsBatch: BatchSpec<DeleteObjectsCommandInput> = {
  events: 'before-call.s3.DeleteObjects',
  member: 'Delete.Objects',
  maxItems: 1000,
};

/** The keys each DeleteObjects request carried, per request. */
function keysPerRequest(inspector: Inspector): string[][] {
  return inspector.records
    .filter((r) => r.operation === 'DeleteObjects')
    .map((r) => [...r.decodedBody.toString('utf8').matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]!));
}

describe('payload-guard: a generic batch (real S3 client, DeleteObjects with 1000 keys per request)', () => {
  const inspector = useInspector();

  it('deletes 2500 keys in 3 requests, each key once and in order; Deleted is merged into one list', async () => {
    const client = s3Client(inspector.url);
    await client.send(new CreateBucketCommand({ Bucket: 'guarded' }));
    const keys = Array.from({ length: 2500 }, (_, i) => `logs/2026/${String(i).padStart(5, '0')}.json`);
    for (const key of [keys[0]!, keys[1500]!, keys[2499]!]) await client.send(new PutObjectCommand({ Bucket: 'guarded', Key: key, Body: 'x' }));
    inspector.clear();

    eventsOf(client).use(payloadGuardPlugin({ batch: deleteObjectsBatch }));
    const input = { Bucket: 'guarded', Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: false } };
    const output = await client.send(new DeleteObjectsCommand(input));

    const sent = keysPerRequest(inspector);
    expect(sent.map((k) => k.length)).to.deep.equal([1000, 1000, 500]);
    expect(sent.flat()).to.deep.equal(keys);
    expect(output.Deleted?.map((d) => d.Key)).to.deep.equal(keys);
    expect(output.$metadata.httpStatusCode).to.equal(200);
    expect(payloadGuardReportOf(output)?.requests.map((r) => r.count)).to.deep.equal([1000, 1000, 500]);
    // the caller's input is untouched; the SDK's checksums of each smaller body verify
    expect(input.Delete.Objects).to.have.length(2500);
    expectAllVerified(inspector);
    expect(inspector.records.every((r) => r.checksums.length > 0 && r.checksums.every((c) => c.valid))).to.equal(true);
    for (const key of [keys[0]!, keys[1500]!, keys[2499]!]) expect(inspector.object('guarded', key)).to.equal(undefined);
  });

  it('optimistic: after a 413 on DeleteObjects the rest goes in requests under half its size; every key is deleted once', async () => {
    const client = s3Client(inspector.url);
    await client.send(new CreateBucketCommand({ Bucket: 'guarded-opt' }));
    inspector.clear();
    eventsOf(client).use(payloadGuardPlugin({ strategy: 'optimistic', batch: deleteObjectsBatch }));
    inspector.failNext(1, { status: 413, code: 'RequestEntityTooLarge', service: 's3', operation: 'DeleteObjects' });
    const keys = Array.from({ length: 600 }, (_, i) => `k-${i}`);
    const output = await client.send(new DeleteObjectsCommand({ Bucket: 'guarded-opt', Delete: { Objects: keys.map((Key) => ({ Key })) } }));
    // a 413 for a request within maxBytes: the service's limit is lower than the guard was told
    const [rejected, ...rest] = inspector.records;
    expect(rejected!.status).to.equal(413);
    expect(rest.length).to.be.greaterThan(1);
    for (const record of rest) {
      expect(record.status).to.equal(200);
      expect(record.wireBody.length).to.be.at.most(rejected!.wireBody.length / 2);
    }
    const sent = keysPerRequest(inspector);
    expect(sent.slice(1).flat()).to.deep.equal(keys);
    expect(output.Deleted?.map((d) => d.Key)).to.deep.equal(keys);
  });

  it('a BatchSpec whose subInput refuses an empty run still splits (the call is then serialized whole first)', async () => {
    const client = s3Client(inspector.url);
    await client.send(new CreateBucketCommand({ Bucket: 'guarded-strict' }));
    inspector.clear();
    const strictBatch: BatchSpec<DeleteObjectsCommandInput> = {
      events: 'before-call.s3.DeleteObjects',
      items: (input) => input.Delete?.Objects,
      subInput: (input, items) => {
        if (items.length === 0) throw new Error('no empty deletes');
        return { ...input, Delete: { ...input.Delete, Objects: items as ObjectIdentifier[] } };
      },
      maxItems: 1000,
    };
    eventsOf(client).use(payloadGuardPlugin({ batch: strictBatch }));
    const keys = Array.from({ length: 1500 }, (_, i) => `strict-${i}`);
    const output = await client.send(new DeleteObjectsCommand({ Bucket: 'guarded-strict', Delete: { Objects: keys.map((Key) => ({ Key })) } }));
    expect(keysPerRequest(inspector).map((k) => k.length)).to.deep.equal([1000, 500]);
    expect(output.Deleted?.map((d) => d.Key)).to.deep.equal(keys);
  });
});
