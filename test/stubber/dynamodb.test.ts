import { expect } from 'chai';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { eventsOf } from '@sdk-events/core';
import { ANY, StubAssertionError, Stubber } from '@sdk-events/stubber';
import { TEST_CREDENTIALS } from '../helpers/clients.js';
import { useInspector } from '../helpers/inspector.js';

describe('stubber: DynamoDB and DynamoDBDocumentClient (clients sharing one middleware stack)', () => {
  const inspector = useInspector();
  const clients = () => {
    const ddb = new DynamoDBClient({ region: 'us-east-1', endpoint: inspector.url, credentials: TEST_CREDENTIALS });
    return { ddb, doc: DynamoDBDocumentClient.from(ddb) };
  };

  it('a document client call is stubbed with params and output as its caller sees them (plain values, not attribute values)', async () => {
    const { doc } = clients();
    const stubber = new Stubber(doc).activate();
    stubber.addResponse(PutCommand, {}, { TableName: 'Users', Item: { id: 'u1', age: 42, tags: new Set(['a', 'b']) } });
    stubber.addResponse(GetCommand, { Item: { id: 'u1', age: 42 } }, { TableName: 'Users', Key: { id: 'u1' } });

    await doc.send(new PutCommand({ TableName: 'Users', Item: { id: 'u1', age: 42, tags: new Set(['a', 'b']) } }));
    const { Item } = await doc.send(new GetCommand({ TableName: 'Users', Key: { id: 'u1' } }));

    expect(Item).to.deep.equal({ id: 'u1', age: 42 });
    expect(stubber.calls.map((c) => c.operation), "the operations the document client's commands send").to.deep.equal(['PutItem', 'GetItem']);
    expect(stubber.calls[1]!.params).to.deep.equal({ TableName: 'Users', Key: { id: 'u1' } });
    expect(inspector.records).to.have.length(0);
  });

  it("a document client command class names the operation it sends (GetCommand is GetItem): the base client's name works too", async () => {
    const { doc } = clients();
    const stubber = new Stubber(doc).activate();
    stubber.addResponse('GetItem', { Item: { id: 'by name' } });
    expect((await doc.send(new GetCommand({ TableName: 'T', Key: { id: 'x' } }))).Item).to.deep.equal({ id: 'by name' });
    stubber.addResponse(GetCommand, {}, { TableName: 'T', Key: { id: 'expected' } });
    const error = await doc.send(new GetCommand({ TableName: 'T', Key: { id: 'other' } })).catch((e) => e);
    expect(error).to.be.instanceOf(StubAssertionError);
    expect(error.message).to.contain("First difference at Key.id: expected 'expected', received 'other'.");
  });

  it('the base client: params and outputs in attribute values, as its caller sees them', async () => {
    const { ddb } = clients();
    const stubber = new Stubber(ddb).activate();
    stubber.addResponse(GetItemCommand, { Item: { id: { S: 'u1' } } }, { TableName: 'Users', Key: { id: { S: 'u1' } } });
    expect((await ddb.send(new GetItemCommand({ TableName: 'Users', Key: { id: { S: 'u1' } } }))).Item).to.deep.equal({ id: { S: 'u1' } });
  });

  it('a stubber on the base client answers the document client made from it, and the other way round (one stack, one queue)', async () => {
    const { ddb, doc } = clients();
    const stubber = new Stubber(ddb).activate();
    stubber.addResponse(GetCommand, { Item: { id: 'via doc' } });
    stubber.addResponse(GetItemCommand, { Item: { id: { S: 'via base' } } });
    expect((await doc.send(new GetCommand({ TableName: 'T', Key: { id: 'x' } }))).Item).to.deep.equal({ id: 'via doc' });
    expect((await ddb.send(new GetItemCommand({ TableName: 'T', Key: { id: { S: 'x' } } }))).Item).to.deep.equal({ id: { S: 'via base' } });
    expect(() => new Stubber(doc).activate(), 'a second stubber on the shared stack').to.throw('another Stubber is already active');
    stubber.deactivate();

    const other = clients();
    const onDoc = new Stubber(other.doc).activate();
    onDoc.addResponse(PutItemCommand, {});
    await other.ddb.send(new PutItemCommand({ TableName: 'T', Item: { id: { S: 'x' } } }));
    onDoc.assertNoPendingResponses();
  });

  it('an HTTP stub goes through the document client for real: the wire body is unmarshalled for the caller', async () => {
    const { doc } = clients();
    const stubber = new Stubber(doc).activate();
    stubber.addHttpResponse(GetCommand, { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ Item: { id: { S: 'u1' }, n: { N: '7' } } }) });
    expect((await doc.send(new GetCommand({ TableName: 'T', Key: { id: 'u1' } }))).Item).to.deep.equal({ id: 'u1', n: 7 });
  });

  it('paginators of the document client page through stubbed outputs, each page checked', async () => {
    const { doc } = clients();
    const stubber = new Stubber(doc).activate();
    stubber.addResponse(QueryCommand, { Items: [{ id: 'a' }], LastEvaluatedKey: { id: 'a' } }, { TableName: 'T', KeyConditionExpression: ANY, ExpressionAttributeValues: ANY });
    stubber.addResponse(QueryCommand, { Items: [{ id: 'b' }] }, { TableName: 'T', KeyConditionExpression: ANY, ExpressionAttributeValues: ANY, ExclusiveStartKey: { id: 'a' } });
    const ids: string[] = [];
    for await (const page of paginateQuery({ client: doc }, { TableName: 'T', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'p' } })) {
      ids.push(...page.Items!.map((item) => item['id'] as string));
    }
    expect(ids).to.deep.equal(['a', 'b']);
    stubber.assertNoPendingResponses();
  });

  it('works whichever of the two clients eventsOf saw first', async () => {
    const { ddb, doc } = clients();
    const seen: string[] = [];
    eventsOf(ddb).register('after-call.dynamodb', ({ model }) => {
      seen.push(model.name);
    });
    const stubber = new Stubber(doc).activate();
    stubber.addResponse(GetCommand, { Item: { id: 'x' } });
    await doc.send(new GetCommand({ TableName: 'T', Key: { id: 'x' } }));
    expect(seen).to.deep.equal(['GetItem']);
  });

  it('needs no credentials for output stubs, account-id endpoints included: credentials are looked up when a request is signed, as botocore does', async () => {
    const ddb = new DynamoDBClient({
      region: 'us-east-1',
      credentials: async () => {
        throw new Error('no credentials in this test');
      },
    });
    const doc = DynamoDBDocumentClient.from(ddb);
    // The default endpoint, as account-id endpoints need: a guard keeps anything from leaving the machine.
    eventsOf(doc).register('before-send', ({ request }) => {
      throw new Error(`this test sends nothing; a request to ${request.hostname} was about to go out`);
    });
    new Stubber(doc).activate().addResponse(GetCommand, { Item: { id: 'x' } });
    expect((await doc.send(new GetCommand({ TableName: 'T', Key: { id: 'x' } }))).Item).to.deep.equal({ id: 'x' });
  });
});
