import { expect } from 'chai';
import { isTooLargeRejection, mergeOutputs, putMetricDataBatch, type BatchSpec } from '@sdk-events/payload-guard';

const spec = putMetricDataBatch as Required<BatchSpec>;

describe('payload-guard: batches and merging (unit)', () => {
  it('PutMetricData items: MetricData first, then each EntityMetricData metric; entries without metrics are items of their own', () => {
    const entityA = { Entity: { KeyAttributes: { Type: 'Service', Name: 'a' } }, MetricData: [{ MetricName: 'a1' }, { MetricName: 'a2' }] };
    const entityB = { Entity: { KeyAttributes: { Type: 'Service', Name: 'b' } }, MetricData: [] };
    const entityC = { Entity: { KeyAttributes: { Type: 'Service', Name: 'c' } }, MetricData: [{ MetricName: 'c1' }] };
    const input = { Namespace: 'ns', StrictEntityValidation: true, MetricData: [{ MetricName: 'm0' }, { MetricName: 'm1' }], EntityMetricData: [entityA, entityB, entityC] };
    const frozen = JSON.stringify(input);
    const items = spec.items(input)!;
    expect(items.map((item, i) => spec.describeItem(item, i))).to.deep.equal([
      'MetricData[0]',
      'MetricData[1]',
      'EntityMetricData[0].MetricData[0]',
      'EntityMetricData[0].MetricData[1]',
      'EntityMetricData[1]',
      'EntityMetricData[2].MetricData[0]',
    ]);
    // a slice across both members, splitting entity A
    expect(spec.subInput(input, items.slice(1, 3))).to.deep.equal({
      Namespace: 'ns',
      StrictEntityValidation: true,
      MetricData: [{ MetricName: 'm1' }],
      EntityMetricData: [{ ...entityA, MetricData: [{ MetricName: 'a1' }] }],
    });
    // entity metrics only: no MetricData member at all
    expect(spec.subInput(input, items.slice(3))).to.deep.equal({
      Namespace: 'ns',
      StrictEntityValidation: true,
      EntityMetricData: [{ ...entityA, MetricData: [{ MetricName: 'a2' }] }, entityB, { ...entityC, MetricData: [{ MetricName: 'c1' }] }],
    });
    // all items give back the same content
    expect(spec.subInput(input, items)).to.deep.equal(input);
    expect(JSON.stringify(input)).to.equal(frozen);
  });

  it('PutMetricData without lists has no items (the call goes as it is)', () => {
    expect(spec.items({ Namespace: 'ns' })).to.equal(undefined);
  });

  it('mergeOutputs concatenates arrays in order, keeps the last scalar and $metadata', () => {
    const merged = mergeOutputs([
      { Deleted: [{ Key: 'a' }], Errors: undefined, RequestCharged: 'x', $metadata: { requestId: '1' } },
      { Deleted: [{ Key: 'b' }], Errors: [{ Key: 'c' }], $metadata: { requestId: '2' } },
      { Deleted: [{ Key: 'd' }], RequestCharged: 'requester', $metadata: { requestId: '3' } },
    ]);
    expect(merged).to.deep.equal({
      Deleted: [{ Key: 'a' }, { Key: 'b' }, { Key: 'd' }],
      Errors: [{ Key: 'c' }],
      RequestCharged: 'requester',
      $metadata: { requestId: '3' },
    });
  });

  it('recognises too-large rejections by status 413 or by name/code RequestEntityTooLarge', () => {
    expect(isTooLargeRejection({ $metadata: { httpStatusCode: 413 } })).to.equal(true);
    expect(isTooLargeRejection({ name: 'RequestEntityTooLarge', $metadata: { httpStatusCode: 400 } })).to.equal(true);
    expect(isTooLargeRejection({ Code: 'RequestEntityTooLarge' })).to.equal(true);
    expect(isTooLargeRejection({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } })).to.equal(false);
    expect(isTooLargeRejection(new Error('too large'))).to.equal(false);
    expect(isTooLargeRejection(undefined)).to.equal(false);
    // PutMetricData also treats CloudWatch's "more metrics than it takes" answer as too large, and nothing else of that name
    const tooMany = Object.assign(new Error('The collection MetricData must not have a size greater than 1000.'), { name: 'InvalidParameterValueException' });
    const badValue = Object.assign(new Error('The value NaN for parameter MetricData.member.1.Value is invalid.'), { name: 'InvalidParameterValueException' });
    expect(spec.isTooLarge(tooMany)).to.equal(true);
    expect(spec.isTooLarge(badValue)).to.equal(false);
  });
});
