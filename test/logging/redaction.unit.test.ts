import { expect } from 'chai';
import {
  collectSensitiveValues,
  isSensitiveHeader,
  redactHeaders,
  redactQuery,
  redactUrl,
  REDACTED,
  SecretSet,
} from '@sdk-events/logging';

describe('logging: redaction (unit)', () => {
  it('redacts credential headers in any case and keeps the rest', () => {
    const out = redactHeaders({
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abcdef0123456789',
      'X-Amz-Security-Token': 'session-token-value',
      'x-amz-server-side-encryption-customer-key': 'c2VjcmV0LWtleQ==',
      'x-amz-copy-source-server-side-encryption-customer-key': 'Y29weS1rZXk=',
      'x-amz-server-side-encryption-customer-key-md5': 'md5value==',
      Cookie: 'session=abc',
      'set-cookie': 'id=xyz; HttpOnly',
      'x-custom-api-key': 'k-123',
      'content-type': 'application/json',
      'x-amz-date': '20250101T000000Z',
    });
    expect(out).to.deep.equal({
      Authorization: REDACTED,
      'X-Amz-Security-Token': REDACTED,
      'x-amz-server-side-encryption-customer-key': REDACTED,
      'x-amz-copy-source-server-side-encryption-customer-key': REDACTED,
      'x-amz-server-side-encryption-customer-key-md5': 'md5value==',
      Cookie: REDACTED,
      'set-cookie': REDACTED,
      'x-custom-api-key': REDACTED,
      'content-type': 'application/json',
      'x-amz-date': '20250101T000000Z',
    });
  });

  it('takes extra header names, case-insensitively', () => {
    expect(isSensitiveHeader('X-My-Header')).to.equal(false);
    expect(isSensitiveHeader('X-My-Header', new Set(['x-my-header']))).to.equal(true);
    expect(redactHeaders({ 'X-My-Header': 'v' }, { extra: new Set(['x-my-header']) })).to.deep.equal({ 'X-My-Header': REDACTED });
  });

  it('remembers redacted values and the parts of an Authorization header as secrets', () => {
    const secrets = new SecretSet();
    redactHeaders(
      { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abcdef0123456789' },
      { secrets },
    );
    expect(secrets.scrub('sig was abcdef0123456789')).to.equal(`sig was ${REDACTED}`);
    expect(secrets.scrub('key AKIDEXAMPLE used')).to.equal(`key ${REDACTED} used`);
    expect(secrets.scrub('nothing here')).to.equal('nothing here');
  });

  it('redacts presigned-URL parameters in a query object, single and repeated', () => {
    const secrets = new SecretSet();
    const out = redactQuery(
      {
        'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
        'X-Amz-Credential': 'AKIDEXAMPLE/20250101/us-east-1/s3/aws4_request',
        'X-Amz-Signature': 'feedface',
        'x-amz-security-token': ['tok1', 'tok2'],
        Signature: 'v2sig',
        AWSAccessKeyId: 'AKIDV2',
        prefix: 'photos/',
        empty: null,
      },
      { secrets },
    );
    expect(out).to.deep.equal({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': REDACTED,
      'X-Amz-Signature': REDACTED,
      'x-amz-security-token': [REDACTED, REDACTED],
      Signature: REDACTED,
      AWSAccessKeyId: REDACTED,
      prefix: 'photos/',
      empty: null,
    });
    expect(secrets.scrub('AKIDEXAMPLE')).to.equal(REDACTED);
    expect(secrets.scrub('tok2')).to.equal(REDACTED);
  });

  it('redacts presigned-URL parameters in a URL, leaving everything else byte for byte', () => {
    const url =
      'https://bucket.s3.amazonaws.com/key%20x?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20250101%2Fus-east-1%2Fs3%2Faws4_request' +
      '&X-Amz-Date=20250101T000000Z&X-Amz-Expires=900&X-Amz-Security-Token=FwoG%2Btoken&X-Amz-Signature=0123abcd&X-Amz-SignedHeaders=host&x-id=GetObject#frag';
    expect(redactUrl(url)).to.equal(
      'https://bucket.s3.amazonaws.com/key%20x?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=[REDACTED]' +
        '&X-Amz-Date=20250101T000000Z&X-Amz-Expires=900&X-Amz-Security-Token=[REDACTED]&X-Amz-Signature=[REDACTED]&X-Amz-SignedHeaders=host&x-id=GetObject#frag',
    );
    expect(redactUrl('/plain/path')).to.equal('/plain/path');
    expect(redactUrl('?Signature=a&AWSAccessKeyId=b&Expires=1')).to.equal('?Signature=[REDACTED]&AWSAccessKeyId=[REDACTED]&Expires=1');
  });

  it('SecretSet scrubs secrets in their wire forms, longest first; short ones only as whole values', () => {
    const secrets = new SecretSet();
    secrets.add('my secret/key+1');
    secrets.add('ab');
    expect(secrets.scrub('path /x/my%20secret%2Fkey%2B1/y')).to.equal(`path /x/${REDACTED}/y`);
    expect(secrets.scrub(`k=${Buffer.from('my secret/key+1').toString('base64')}`)).to.equal(`k=${REDACTED}`);
    expect(secrets.scrub('ab')).to.equal(REDACTED);
    expect(secrets.scrub('about')).to.equal('about');
  });

  it('collects the values the SDK filter hid, at any depth, including bytes', () => {
    const original = {
      Name: 'public',
      Password: 'hunter22',
      Nested: { List: [{ Token: 'tok-999', Id: 1 }], Blob: new Uint8Array(Buffer.from('blob-secret')) },
      Vars: { A: 'value-a', B: 'value-b' },
      Count: 12345,
    };
    const filtered = {
      Name: 'public',
      Password: '***SensitiveInformation***',
      Nested: { List: [{ Token: '***SensitiveInformation***', Id: 1 }], Blob: '***SensitiveInformation***' },
      Vars: '***SensitiveInformation***',
      Count: '***SensitiveInformation***',
    };
    const secrets = new SecretSet();
    collectSensitiveValues(original, filtered, secrets);
    for (const secret of ['hunter22', 'tok-999', 'blob-secret', 'value-a', 'value-b', Buffer.from('blob-secret').toString('base64')]) {
      expect(secrets.scrub(`x ${secret} y`), secret).to.equal(`x ${REDACTED} y`);
    }
    expect(secrets.scrub('12345')).to.equal(REDACTED);
    expect(secrets.scrub('id 123456')).to.equal('id 123456');
    expect(secrets.scrub('public')).to.equal('public');
  });
});

describe('logging: redaction of values the SDK filter hid (unit, edge cases)', () => {
  it('does not walk into streams or class instances, and stops on cycles', async () => {
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    const cyclic: Record<string, unknown> = { Name: 'n' };
    cyclic.Self = cyclic;
    const secrets = new SecretSet();
    collectSensitiveValues({ Body: stream, Loop: cyclic, Key: 'k-secret' }, { Body: stream, Loop: { ...cyclic }, Key: '***SensitiveInformation***' }, secrets);
    expect(secrets.scrub('k-secret')).to.equal(REDACTED);
    stream.destroy();
  });
});

describe('logging: the secret names (unit)', () => {
  it('lists the headers, query parameters and members the inspector masks too', async () => {
    const { SECRET_HEADER_NAMES, SECRET_QUERY_PARAMETERS, isSecretHeaderName, isSecretQueryParameter, isSecretMemberName } =
      await import('@sdk-events/logging');
    for (const name of ['authorization', 'x-amz-security-token', 'x-amz-s3session-token', 'x-api-key', 'cookie', 'set-cookie',
      'proxy-authorization', 'x-amz-server-side-encryption-customer-key']) {
      expect(SECRET_HEADER_NAMES.has(name), name).to.equal(true);
    }
    for (const name of ['x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'signature', 'awsaccesskeyid']) {
      expect(SECRET_QUERY_PARAMETERS.has(name), name).to.equal(true);
    }
    expect(isSecretHeaderName('X-Amz-Server-Side-Encryption-Customer-Key-MD5')).to.equal(false);
    expect(isSecretQueryParameter('X-Amz-Signature')).to.equal(true);
    expect(isSecretQueryParameter('prefix')).to.equal(false);
    for (const name of ['SessionToken', 'SecretAccessKey', 'password', 'SecretString', 'SecretBinary', 'PrivateKey', 'MasterUserPassword']) {
      expect(isSecretMemberName(name), name).to.equal(true);
    }
    for (const name of ['NextToken', 'ClientToken', 'SecretId', 'AccessKeyId', 'Name']) {
      expect(isSecretMemberName(name), name).to.equal(false);
    }
  });
});
