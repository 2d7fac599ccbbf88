// hyphenize and firstNonNullResponse.
import { expect } from 'chai';
import { firstNonNullResponse, hyphenize } from '@sdk-events/core';

describe('hyphenize', () => {
  it('lowercases and turns spaces into hyphens, as botocore ServiceId.hyphenize', () => {
    expect(hyphenize('CloudWatch')).to.equal('cloudwatch');
    expect(hyphenize('CloudWatch Logs')).to.equal('cloudwatch-logs');
    expect(hyphenize('API Gateway')).to.equal('api-gateway');
    expect(hyphenize('S3')).to.equal('s3');
    expect(hyphenize('Lambda')).to.equal('lambda');
    expect(hyphenize('Application Auto Scaling')).to.equal('application-auto-scaling');
    expect(hyphenize('already-hyphenated')).to.equal('already-hyphenated');
  });

  it('rejects what is not a non-empty string', () => {
    expect(() => hyphenize(undefined as unknown as string)).to.throw(TypeError, /hyphenize: the service id must be a non-empty string, got undefined/);
    expect(() => hyphenize('')).to.throw(TypeError, /hyphenize/);
    expect(() => hyphenize(3 as unknown as string)).to.throw(TypeError, /number 3/);
  });
});

describe('firstNonNullResponse', () => {
  it('is undefined for no responses', () => {
    expect(firstNonNullResponse([])).to.equal(undefined);
  });

  it('returns the first response that is not null or undefined', () => {
    const responses: Array<[unknown, string | null | undefined]> = [
      [null, null],
      [null, undefined],
      [null, 'correct_value'],
      [null, 'wrong_value'],
    ];
    expect(firstNonNullResponse(responses)).to.equal('correct_value');
  });

  it('counts false, 0 and "" as responses', () => {
    expect(firstNonNullResponse([[null, null], [null, 0]])).to.equal(0);
    expect(firstNonNullResponse([[null, false]])).to.equal(false);
    expect(firstNonNullResponse([[null, '']], 'default')).to.equal('');
  });

  it('returns the default when nothing responded', () => {
    expect(firstNonNullResponse([[null, null], [null, undefined]], 'notfound')).to.equal('notfound');
  });

  it('takes any iterable of pairs', () => {
    function* pairs(): Generator<[unknown, number | null]> {
      yield [null, null];
      yield [null, 7];
    }
    expect(firstNonNullResponse(pairs())).to.equal(7);
  });

  it('rejects what is not an iterable', () => {
    expect(() => firstNonNullResponse(undefined as unknown as [])).to.throw(TypeError, /firstNonNullResponse: responses must be an iterable/);
    expect(() => firstNonNullResponse({} as unknown as [])).to.throw(TypeError, /an object/);
  });
});
