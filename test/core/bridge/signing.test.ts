// Signing as botocore gives it: presigned URLs, names in choose-signer and before-sign,
// operations modelled without auth, and anonymous calls.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { eventsOf, LIFECYCLE_EVENT_TYPES, UNSIGNED, type AliasedEventEmitter } from '@sdk-events/core';
import { useInspector } from '../../helpers/inspector.js';
import { s3Client, TEST_CREDENTIALS } from '../../helpers/clients.js';
import { compareVersions } from '../differential/botocore.js';
import { botocoreVersion, findBotocorePython } from './lifecycle.js';

interface Seen {
  event: string;
  signingName?: string;
  regionName?: string;
  signatureVersion?: string;
}

/** Records every lifecycle event of `suffix`, with the signing details where the payload has them. */
function recordSigning(events: AliasedEventEmitter, suffix: string): Seen[] {
  const seen: Seen[] = [];
  for (const type of LIFECYCLE_EVENT_TYPES) {
    events.registerFirst(`${type}${suffix}`, (payload: any) => {
      const entry: Seen = { event: type };
      if ('signatureVersion' in payload) {
        const { signingName, regionName, signatureVersion } = payload;
        Object.assign(entry, { signingName, regionName, signatureVersion: signatureVersion === UNSIGNED ? 'UNSIGNED' : signatureVersion });
      }
      seen.push(entry);
    });
  }
  return seen;
}

const DRIVER = fileURLToPath(new URL('./botocore_signing.py', import.meta.url));

/** What botocore emits for one scenario of botocore_signing.py. */
async function botocoreSigning(python: string, url: string, scenario: string): Promise<Seen[]> {
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(python, [DRIVER, url, scenario], (error, out, err) => (error ? reject(new Error(`botocore driver failed: ${err || error.message}`)) : resolve(out))),
  );
  return JSON.parse(stdout) as Seen[];
}

const sts = (url: string) => new STSClient({ region: 'us-east-1', endpoint: url, credentials: TEST_CREDENTIALS });
const STS_ANSWER =
  '<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult>' +
  '</AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>';

describe('bridge: signing as botocore gives it', () => {
  const inspector = useInspector();
  let python: string | undefined;
  before(async () => {
    python = await findBotocorePython();
  });
  const botocore = function (this: Mocha.Context, scenario: string) {
    if (!python) this.skip();
    return botocoreSigning(python!, inspector.url, scenario);
  };

  it('getSignedUrl: GET and PUT URLs fetched with plain fetch verify; only the events botocore emits, named as it names them', async function () {
    const s3 = s3Client(inspector.url);
    const events = eventsOf(s3);
    const putSeen = recordSigning(events, '.s3.PutObject');
    const getSeen = recordSigning(events, '.s3.GetObject');
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'bucket', Key: 'key' }), { expiresIn: 60 });
    const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'bucket', Key: 'key' }), { expiresIn: 60 });
    expect(new URL(putUrl).searchParams.get('X-Amz-Algorithm')).to.equal('AWS4-HMAC-SHA256');
    expect(inspector.records).to.have.length(0);

    const put = await fetch(putUrl, { method: 'PUT', body: 'hello presigned' });
    expect(put.status).to.equal(200);
    const get = await fetch(getUrl);
    expect(get.status).to.equal(200);
    expect(await get.text()).to.equal('hello presigned');
    expect(inspector.records).to.have.length(2);
    for (const record of inspector.records) {
      expect(record.signature.present, record.method).to.equal(true);
      expect(record.signature.valid, record.method).to.equal(true);
      expect(record.problems, record.method).to.deep.equal([]);
    }

    const expected = [
      { event: 'provide-client-params' },
      { event: 'before-parameter-build' },
      { event: 'choose-signer', signingName: 's3', regionName: 'us-east-1', signatureVersion: 's3v4-query' },
      { event: 'before-sign', signingName: 's3', regionName: 'us-east-1', signatureVersion: 's3v4-query' },
    ];
    expect(putSeen).to.deep.equal(expected);
    expect(getSeen).to.deep.equal(expected);
    expect(putSeen).to.deep.equal(await botocore.call(this, 'presign-put'));
    expect(getSeen).to.deep.equal(await botocore.call(this, 'presign-get'));
  });

  it('getSignedUrl: UNSIGNED from choose-signer gives the URL unsigned, as botocore does', async () => {
    const s3 = s3Client(inspector.url);
    eventsOf(s3).register('choose-signer.s3.GetObject', () => UNSIGNED);
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'bucket', Key: 'key' }));
    const { pathname, searchParams } = new URL(url);
    expect(pathname).to.equal('/bucket/key');
    expect([...searchParams.keys()].filter((name) => name.startsWith('X-Amz-'))).to.deep.equal([]);
  });

  it('S3 GetObject: choose-signer v4, before-sign s3v4, as botocore', async function () {
    const s3 = s3Client(inspector.url);
    const seen = recordSigning(eventsOf(s3), '.s3.GetObject');
    eventsOf(s3).register('before-send.s3.GetObject', () => ({ statusCode: 200, body: '' }));
    await s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'key' }));
    const signing = (list: Seen[]) => list.filter((entry) => entry.signatureVersion !== undefined);
    expect(signing(seen)).to.deep.equal([
      { event: 'choose-signer', signingName: 's3', regionName: 'us-east-1', signatureVersion: 'v4' },
      { event: 'before-sign', signingName: 's3', regionName: 'us-east-1', signatureVersion: 's3v4' },
    ]);
    expect(signing(seen)).to.deep.equal(signing(await botocore.call(this, 's3-get')));
  });

  it('STS AssumeRoleWithWebIdentity (modelled without auth): sts, the region, none then UNSIGNED, as botocore', async function () {
    const client = sts(inspector.url);
    const seen = recordSigning(eventsOf(client), '.sts.AssumeRoleWithWebIdentity');
    let authorization: string | undefined;
    eventsOf(client).register('before-send.sts', ({ request }) => {
      authorization = request.headers.authorization;
      return { statusCode: 200, headers: { 'content-type': 'text/xml' }, body: STS_ANSWER };
    });
    await client.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'session', WebIdentityToken: 'token' }));
    const signing = (list: Seen[]) => list.filter((entry) => entry.signatureVersion !== undefined);
    expect(signing(seen)).to.deep.equal([
      { event: 'choose-signer', signingName: 'sts', regionName: 'us-east-1', signatureVersion: 'none' },
      { event: 'before-sign', signingName: 'sts', regionName: 'us-east-1', signatureVersion: 'UNSIGNED' },
    ]);
    expect(authorization).to.equal(undefined);
    // Debian 12's botocore (1.29) still signs this operation (v4); 1.43, checked here, does not.
    if (compareVersions(botocoreVersion() ?? '0', '1.43') < 0) return this.skip();
    expect(signing(seen)).to.deep.equal(signing(await botocore.call(this, 'sts-web-identity')));
  });
});

describe('bridge: anonymous calls (choose-signer UNSIGNED)', () => {
  const inspector = useInspector();

  it('a client whose credential provider throws sends unsigned and succeeds; without the handler it fails with the provider\'s error', async () => {
    await s3Client(inspector.url).send(new PutObjectCommand({ Bucket: 'public', Key: 'object', Body: 'public bytes' }));
    inspector.clear();
    let lookups = 0;
    const noCredentials = async () => {
      lookups++;
      throw new Error('no credentials here');
    };
    const anonymous = s3Client(inspector.url, { credentials: noCredentials });
    eventsOf(anonymous).register('choose-signer.s3', () => UNSIGNED);
    const output = await anonymous.send(new GetObjectCommand({ Bucket: 'public', Key: 'object' }));
    expect(await output.Body!.transformToString()).to.equal('public bytes');
    expect(inspector.records).to.have.length(1);
    expect(inspector.records[0]!.signature.present).to.equal(false);
    expect(inspector.records[0]!.headers.authorization).to.equal(undefined);

    // The credentials are looked up when a request is signed, as botocore does: the anonymous call never asked.
    expect(lookups).to.equal(0);

    const signed = s3Client(inspector.url, { credentials: noCredentials });
    const seen: string[] = [];
    for (const type of ['before-sign', 'response-received', 'needs-retry', 'after-call-error']) {
      eventsOf(signed).register(`${type}.s3`, () => void seen.push(type));
    }
    eventsOf(signed).register('choose-signer.s3', () => undefined);
    const failure = await signed.send(new GetObjectCommand({ Bucket: 'public', Key: 'object' })).catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(Error).with.property('message', 'no credentials here');
    expect(inspector.records).to.have.length(1);
    expect(lookups).to.equal(1);
    // Nothing was sent, so nothing to judge: botocore's NoCredentialsError is an after-call-error only.
    expect(seen).to.deep.equal(['before-sign', 'after-call-error']);
  });

  it('a handler on choose-signer or before-call alone defers the lookup to signing: UNSIGNED and before-call answers look up nothing', async () => {
    let lookups = 0;
    const counted = async () => {
      lookups++;
      return { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey };
    };
    const s3 = s3Client(inspector.url, { credentials: counted });
    eventsOf(s3).register('choose-signer.s3.PutObject', () => UNSIGNED);
    eventsOf(s3).register('before-call.s3.HeadObject', () => ({ ContentLength: 3 }));
    await s3.send(new PutObjectCommand({ Bucket: 'public', Key: 'deferred', Body: 'abc' }));
    expect((await s3.send(new HeadObjectCommand({ Bucket: 'public', Key: 'deferred' }))).ContentLength).to.equal(3);
    expect(lookups).to.equal(0);
    // A signed call looks them up and signs with them.
    await s3.send(new GetObjectCommand({ Bucket: 'public', Key: 'deferred' }));
    expect(lookups).to.equal(1);
    expect(inspector.records.map((r) => r.signature.valid)).to.deep.equal([false, true]);
  });

  it('without the bridge\'s handlers the client is as the SDK built it: its credentials looked up in the auth step', async () => {
    const s3 = s3Client(inspector.url);
    const { httpAuthSchemes } = s3.config as unknown as { httpAuthSchemes: unknown };
    const unsigned = () => UNSIGNED;
    eventsOf(s3).register('choose-signer.s3', unsigned);
    expect((s3.config as unknown as { httpAuthSchemes: unknown }).httpAuthSchemes).to.not.equal(httpAuthSchemes);
    eventsOf(s3).unregister('choose-signer.s3', unsigned);
    expect((s3.config as unknown as { httpAuthSchemes: unknown }).httpAuthSchemes).to.equal(httpAuthSchemes);
  });

  it('with credentials, UNSIGNED sends the request without signing it', async () => {
    const s3 = s3Client(inspector.url);
    eventsOf(s3).register('choose-signer.s3.PutObject', () => UNSIGNED);
    await s3.send(new PutObjectCommand({ Bucket: 'public', Key: 'unsigned', Body: 'x' }));
    expect(inspector.records[0]!.signature.present).to.equal(false);
    expect(inspector.records[0]!.headers['x-amz-date']).to.equal(undefined);
  });
});
