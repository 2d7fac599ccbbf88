import { expect } from 'chai';
import { CloudWatchServiceException, ListMetricsCommand, ResourceNotFound } from '@aws-sdk/client-cloudwatch';
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  DynamoDBServiceException,
  PutItemCommand,
  ResourceNotFoundException as TableNotFound,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { GetFunctionCommand, LambdaServiceException, ResourceNotFoundException, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { GetObjectCommand, NoSuchKey, S3ServiceException } from '@aws-sdk/client-s3';
import { eventsOf } from '@sdk-events/core';
import { StubAssertionError, Stubber } from '@sdk-events/stubber';
import { TEST_CREDENTIALS, cloudWatchClient, lambdaClient, s3Client } from '../helpers/clients.js';
import { useInspector } from '../helpers/inspector.js';

async function failureOf(call: Promise<unknown>): Promise<any> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded; it should have failed');
}

describe('stubber: addClientError throws the modelled exception', () => {
  const inspector = useInspector();

  it("Lambda: instanceof the client's ResourceNotFoundException, with name, message, $fault and $metadata.httpStatusCode", async () => {
    const lambda = lambdaClient(inspector.url);
    const stubber = new Stubber(lambda).activate();
    stubber.addClientError(GetFunctionCommand, { code: 'ResourceNotFoundException', message: 'Function not found: resize', httpStatusCode: 404 });
    const error = await failureOf(lambda.send(new GetFunctionCommand({ FunctionName: 'resize' })));
    expect(error).to.be.instanceOf(ResourceNotFoundException).and.instanceOf(LambdaServiceException).and.instanceOf(Error);
    expect(error.name).to.equal('ResourceNotFoundException');
    expect(error.message).to.equal('Function not found: resize');
    expect(error.$fault).to.equal('client');
    expect(error.$metadata.httpStatusCode).to.equal(404);
    expect(inspector.records).to.have.length(0);
  });

  it('is the exception the SDK itself throws for that error on the wire: same class, name, message, $fault, status and members', async () => {
    const lambda = lambdaClient(inspector.url);
    const stubber = new Stubber(lambda).activate();
    stubber.addClientError('GetFunction', { code: 'TooManyRequestsException', message: 'Rate exceeded', httpStatusCode: 429, response: { Reason: 'CallerRateLimitExceeded', retryAfterSeconds: '3' } });
    const stubbed = await failureOf(lambda.send(new GetFunctionCommand({ FunctionName: 'f' })));

    // The same error as Lambda sends it, parsed by the SDK (no retries, to compare one parse).
    const wire = lambdaClient(inspector.url, { maxAttempts: 1 });
    const wireStubber = new Stubber(wire).activate();
    wireStubber.addHttpResponse('GetFunction', {
      statusCode: 429,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'TooManyRequestsException', 'retry-after': '3' },
      body: JSON.stringify({ Type: 'User', message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded' }),
    });
    const parsed = await failureOf(wire.send(new GetFunctionCommand({ FunctionName: 'f' })));

    for (const error of [stubbed, parsed]) expect(error).to.be.instanceOf(TooManyRequestsException);
    const fields = (e: any) => ({ name: e.name, message: e.message, $fault: e.$fault, status: e.$metadata.httpStatusCode, Reason: e.Reason, retryAfterSeconds: e.retryAfterSeconds });
    expect(fields(stubbed)).to.deep.equal(fields(parsed));
  });

  it('CloudWatch (awsQuery-compatible): the same fields as the SDK parses, Code, Type and Error included', async () => {
    const stubbed = cloudWatchClient(inspector.url);
    new Stubber(stubbed).activate().addClientError('ListMetrics', { code: 'ResourceNotFound', message: 'gone', response: { $metadata: { requestId: 'r1' } } });
    const wire = cloudWatchClient(inspector.url, { maxAttempts: 1 });
    new Stubber(wire).activate().addHttpResponse('ListMetrics', {
      statusCode: 404,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': 'ResourceNotFound;Sender', 'x-amzn-requestid': 'r1' },
      body: JSON.stringify({ __type: 'com.amazonaws.cloudwatch#ResourceNotFound', message: 'gone' }),
    });
    const errors = [await failureOf(stubbed.send(new ListMetricsCommand({}))), await failureOf(wire.send(new ListMetricsCommand({})))];
    const fields = (e: any) => ({ name: e.name, message: e.message, $fault: e.$fault, status: e.$metadata.httpStatusCode, requestId: e.$metadata.requestId, Code: e.Code, Type: e.Type, Error: e.Error, RequestId: e.RequestId });
    for (const error of errors) expect(error).to.be.instanceOf(ResourceNotFound);
    expect(fields(errors[0])).to.deep.equal(fields(errors[1]));
    expect(errors[0].Error).to.deep.equal({ Code: 'ResourceNotFound', Type: 'Sender', Message: 'gone' });
  });

  it('the status defaults to what the model gives the error (404 for CloudWatch ResourceNotFound), else 400 as botocore', async () => {
    const cw = cloudWatchClient(inspector.url);
    const stubber = new Stubber(cw).activate();
    stubber.addClientError(ListMetricsCommand, { code: 'ResourceNotFound' });
    stubber.addClientError(ListMetricsCommand, { code: 'SomethingUnmodelled', message: 'odd' });
    stubber.addClientError(ListMetricsCommand, { code: 'ServiceUnavailable', httpStatusCode: 503 });

    const modelled = await failureOf(cw.send(new ListMetricsCommand({})));
    expect(modelled).to.be.instanceOf(ResourceNotFound);
    expect([modelled.name, modelled.message, modelled.$metadata.httpStatusCode, modelled.$fault]).to.deep.equal(['ResourceNotFound', '', 404, 'client']);

    const unmodelled = await failureOf(cw.send(new ListMetricsCommand({})));
    expect(unmodelled.constructor).to.equal(CloudWatchServiceException);
    expect([unmodelled.name, unmodelled.message, unmodelled.$metadata.httpStatusCode, unmodelled.$fault]).to.deep.equal(['SomethingUnmodelled', 'odd', 400, 'client']);

    const server = await failureOf(cw.send(new ListMetricsCommand({})));
    expect(server).to.be.instanceOf(CloudWatchServiceException);
    expect([server.name, server.$metadata.httpStatusCode, server.$fault]).to.deep.equal(['ServiceUnavailable', 503, 'server']);
  });

  it('S3: NoSuchKey, an S3ServiceException', async () => {
    const s3 = s3Client(inspector.url);
    new Stubber(s3).activate().addClientError(GetObjectCommand, { code: 'NoSuchKey', message: 'The specified key does not exist.', httpStatusCode: 404 });
    const error = await failureOf(s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'gone.jpg' })));
    expect(error).to.be.instanceOf(NoSuchKey).and.instanceOf(S3ServiceException);
    expect([error.name, error.$metadata.httpStatusCode]).to.deep.equal(['NoSuchKey', 404]);
  });

  it('DynamoDB: modelled members from `response` (ConditionalCheckFailedException.Item, TransactionCanceledException.CancellationReasons), $metadata merged', async () => {
    const ddb = new DynamoDBClient({ region: 'us-east-1', endpoint: inspector.url, credentials: TEST_CREDENTIALS });
    const stubber = new Stubber(ddb).activate();
    stubber.addClientError(PutItemCommand, {
      code: 'ConditionalCheckFailedException',
      message: 'The conditional request failed',
      response: { Item: { id: { S: 'a' } }, $metadata: { requestId: 'req-1' } },
      expectedParams: { TableName: 'T', Item: { id: { S: 'a' } }, ConditionExpression: 'attribute_not_exists(id)' },
    });
    stubber.addClientError(TransactWriteItemsCommand, { code: 'TransactionCanceledException', response: { CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] } });
    stubber.addClientError(PutItemCommand, { code: 'ResourceNotFoundException' });

    const conditional = await failureOf(ddb.send(new PutItemCommand({ TableName: 'T', Item: { id: { S: 'a' } }, ConditionExpression: 'attribute_not_exists(id)' })));
    expect(conditional).to.be.instanceOf(ConditionalCheckFailedException).and.instanceOf(DynamoDBServiceException);
    expect(conditional.Item).to.deep.equal({ id: { S: 'a' } });
    expect(conditional.$metadata).to.deep.equal({ httpStatusCode: 400, attempts: 0, totalRetryDelay: 0, requestId: 'req-1' });

    const canceled = await failureOf(ddb.send(new TransactWriteItemsCommand({ TransactItems: [] })));
    expect(canceled).to.be.instanceOf(TransactionCanceledException);
    expect(canceled.CancellationReasons).to.deep.equal([{ Code: 'ConditionalCheckFailed' }]);

    expect(await failureOf(ddb.send(new PutItemCommand({ TableName: 'T', Item: {} })))).to.be.instanceOf(TableNotFound);
    stubber.assertNoPendingResponses();
  });

  it('expectedParams are checked before the error is thrown', async () => {
    const lambda = lambdaClient(inspector.url);
    new Stubber(lambda).activate().addClientError(GetFunctionCommand, { code: 'ResourceNotFoundException', expectedParams: { FunctionName: 'resize' } });
    expect(await failureOf(lambda.send(new GetFunctionCommand({ FunctionName: 'crop' })))).to.be.instanceOf(StubAssertionError);
  });

  it('handlers see it: after-call-error gets the exception, nothing reaches the network', async () => {
    const lambda = lambdaClient(inspector.url);
    const seen: unknown[] = [];
    eventsOf(lambda).register('after-call-error.lambda.GetFunction', ({ exception }) => {
      seen.push(exception);
    });
    new Stubber(lambda).activate().addClientError(GetFunctionCommand, { code: 'ResourceNotFoundException' });
    const error = await failureOf(lambda.send(new GetFunctionCommand({ FunctionName: 'f' })));
    expect(seen).to.deep.equal([error]);
    expect(inspector.records).to.have.length(0);
  });

  it('names what is wrong with the error it is given', () => {
    const stubber = new Stubber(lambdaClient(inspector.url));
    expect(() => stubber.addClientError('GetFunction', {} as any)).to.throw(TypeError, 'addClientError: the error needs a code');
    expect(() => stubber.addClientError('GetFunction', { code: 'X', httpStatusCode: 200 })).to.throw(TypeError, 'addClientError: httpStatusCode 200 is not an error status (300 to 599)');
  });
});
