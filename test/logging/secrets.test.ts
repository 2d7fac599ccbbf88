import { expect } from 'chai';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { eventsOf } from '@sdk-events/core';
import { loggingPlugin, redactSecretAssignments, REDACTED } from '@sdk-events/logging';
import { useInspector } from '../helpers/inspector.js';
import { lambdaClient, TEST_CREDENTIALS } from '../helpers/clients.js';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { memoryLogger } from './memory-logger.js';

const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLE-session-token-0123456789abcdef';
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI-assumed-role-secret-key-EXAMPLE';

/** An STS AssumeRole answer: the inspector has no STS, so a `before-send` handler answers (the SDK parses it as usual). */
const assumeRoleXml = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
<Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>${SECRET_ACCESS_KEY}</SecretAccessKey>
<SessionToken>${SESSION_TOKEN}</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>
</AssumeRoleResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></AssumeRoleResponse>`;

/** Every prefix of `secret` of 8 characters or more: none may appear in a log. */
function expectNoPartOf(secret: string, text: string) {
  for (let length = 8; length <= secret.length; length += 1) {
    expect(text, `${secret.slice(0, length)} was logged`).to.not.include(secret.slice(0, length));
  }
}

describe('logging: secrets are never written, whole or in part (real clients)', () => {
  const inspector = useInspector();
  const common = () => ({ region: 'us-east-1', endpoint: inspector.url, credentials: TEST_CREDENTIALS });

  it('STS AssumeRole with params: true logs Credentials.SessionToken and SecretAccessKey as [REDACTED]', async () => {
    const logger = memoryLogger();
    const sts = new STSClient(common());
    eventsOf(sts).use(loggingPlugin({ logger, params: true }));
    eventsOf(sts).register('before-send.sts.AssumeRole', () => ({ statusCode: 200, headers: { 'content-type': 'text/xml' }, body: assumeRoleXml }));
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's' }));
    expect(out.Credentials?.SessionToken).to.equal(SESSION_TOKEN);
    const text = logger.text();
    expect(text).to.include('AccessKeyId').and.include(REDACTED).and.include('ASIAEXAMPLE');
    expectNoPartOf(SESSION_TOKEN, text);
    expectNoPartOf(SECRET_ACCESS_KEY, text);
  });

  it('Secrets Manager: a secret quoted past character 281 of a service error is redacted before the message is cut', async () => {
    const logger = memoryLogger();
    const secretsManager = new SecretsManagerClient({ ...common(), maxAttempts: 1 });
    eventsOf(secretsManager).use(loggingPlugin({ logger }));
    const secret = 'LONGMESSAGE-secret-value-0123456789';
    const message = `${'x'.repeat(266)} SecretString: "${secret}" and {"SecretString":"${secret}"}`;
    expect(message.indexOf(secret)).to.be.greaterThan(280);
    inspector.failNext(1, { status: 400, code: 'InvalidRequestException', message });
    const error = await secretsManager.send(new GetSecretValueCommand({ SecretId: 'app/db' })).catch((e: Error) => e);
    expect((error as Error).message).to.include(secret); // the SDK's error itself is untouched
    const text = logger.text();
    expect(text).to.include('InvalidRequestException').and.include(`SecretString: \\"${REDACTED}`);
    expectNoPartOf(secret, text);
  });

  it('a secret sent in the input and quoted by the service error is redacted wherever the cut falls', async () => {
    const logger = memoryLogger();
    const secretsManager = new SecretsManagerClient({ ...common(), maxAttempts: 1 });
    eventsOf(secretsManager).use(loggingPlugin({ logger, params: true }));
    const secret = 'hunter2-the-database-password-0123456789';
    for (const at of [270, 281, 295]) {
      inspector.failNext(1, { status: 400, code: 'ValidationException', message: `${'y'.repeat(at)}${secret} is invalid` });
      await secretsManager.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: secret })).catch(() => undefined);
    }
    expect(logger.calls.filter((c) => c.level === 'error')).to.have.length(3);
    expectNoPartOf(secret, logger.text());
  });

  it("a handler's error that quotes a secret member is logged redacted", async () => {
    const logger = memoryLogger();
    const sts = new STSClient({ ...common(), maxAttempts: 1 });
    eventsOf(sts).use(loggingPlugin({ logger }));
    const password = 'correct-horse-battery-staple';
    eventsOf(sts).register('before-call.sts', ({ params }) => {
      throw new Error(`refusing ${JSON.stringify(params)}`);
    });
    // `SerialNumber`/`TokenCode` are not secrets by name; a `Password` member is, even in a model with none.
    const input = { RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's', Password: password } as never;
    const error = await sts.send(new AssumeRoleCommand(input)).catch((e: Error) => e);
    expect((error as Error).message).to.include(password);
    const text = logger.text();
    expect(text).to.include('refusing');
    expectNoPartOf(password, text);
  });

  it("level 'trace' is accepted and writes what 'debug' writes", async () => {
    const traced = memoryLogger();
    const debugged = memoryLogger();
    const lambda = lambdaClient(inspector.url);
    eventsOf(lambda).use(loggingPlugin({ logger: traced, level: 'trace' }));
    const other = lambdaClient(inspector.url);
    eventsOf(other).use(loggingPlugin({ logger: debugged, level: 'debug' }));
    await lambda.send(new InvokeCommand({ FunctionName: 'f' }));
    await other.send(new InvokeCommand({ FunctionName: 'f' }));
    expect(traced.calls.map((c) => c.level)).to.deep.equal(['debug', 'info']);
    expect(debugged.calls.map((c) => c.level)).to.deep.equal(['debug', 'info']);
  });

  it('redactSecretAssignments hides secret-by-name values in JSON, escaped JSON and key=value text, even cut short', () => {
    expect(redactSecretAssignments('{"SessionToken":"abc","Name":"n"}')).to.equal(`{"SessionToken":"${REDACTED}","Name":"n"}`);
    expect(redactSecretAssignments('{\\"password\\":\\"p4ss\\"}')).to.equal(`{\\"password\\":\\"${REDACTED}\\"}`);
    expect(redactSecretAssignments('SecretAccessKey=abc&x=1')).to.equal(`SecretAccessKey=${REDACTED}&x=1`);
    expect(redactSecretAssignments('"SecretString":"cut-off-at-the-en')).to.equal(`"SecretString":"${REDACTED}`);
    expect(redactSecretAssignments('NextToken=abc')).to.equal('NextToken=abc');
  });
});
