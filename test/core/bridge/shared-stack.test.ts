// Clients that share one middleware stack (DynamoDBDocumentClient.from(ddb)) share one emitter.
import { expect } from 'chai';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { AliasedEventEmitter, attachEvents, eventsOf } from '@sdk-events/core';
import { useInspector } from '../../helpers/inspector.js';
import { TEST_CREDENTIALS } from '../../helpers/clients.js';

describe('bridge: clients that share a middleware stack', () => {
  const inspector = useInspector();
  const clients = () => {
    const ddb = new DynamoDBClient({ region: 'us-east-1', endpoint: inspector.url, credentials: TEST_CREDENTIALS });
    return { ddb, doc: DynamoDBDocumentClient.from(ddb) };
  };
  /** Sends one call through each client; returns the events seen, in order. */
  async function callBoth(ddb: DynamoDBClient, doc: DynamoDBDocumentClient, seen: string[]) {
    await ddb.send(new GetItemCommand({ TableName: 't', Key: { id: { S: 'low-level' } } }));
    await doc.send(new GetCommand({ TableName: 't', Key: { id: 'document' } }));
    return seen;
  }
  const recorder = (events: AliasedEventEmitter, seen: string[]) => {
    events.register('before-sign.dynamodb', ({ eventName, request }) => void seen.push(`${eventName} ${JSON.parse(String(request.body)).Key.id.S}`));
  };
  const expected = ['before-sign.dynamodb.GetItem low-level', 'before-sign.dynamodb.GetItem document'];

  it('eventsOf the document client after the base client: the same emitter, each call once', async () => {
    const { ddb, doc } = clients();
    const events = eventsOf(ddb);
    expect(eventsOf(doc)).to.equal(events);
    const seen: string[] = [];
    recorder(events, seen);
    expect(await callBoth(ddb, doc, seen)).to.deep.equal(expected);
    for (const record of inspector.records) expect(record.signature.valid).to.equal(true);
  });

  it('eventsOf the document client first: the same emitter, each call once', async () => {
    const { ddb, doc } = clients();
    const events = eventsOf(doc);
    expect(eventsOf(ddb)).to.equal(events);
    const seen: string[] = [];
    recorder(events, seen);
    expect(await callBoth(ddb, doc, seen)).to.deep.equal(expected);
  });

  it('attachEvents to both: one binding for the stack, the last emitter attached serves both', async () => {
    const { ddb, doc } = clients();
    const first = new AliasedEventEmitter();
    const second = new AliasedEventEmitter();
    const seenFirst: string[] = [];
    const seenSecond: string[] = [];
    recorder(first, seenFirst);
    recorder(second, seenSecond);
    attachEvents(ddb, first);
    expect(() => attachEvents(doc, first)).not.to.throw();
    expect(await callBoth(ddb, doc, seenFirst)).to.deep.equal(expected);
    attachEvents(doc, second);
    expect(eventsOf(ddb)).to.equal(second);
    seenFirst.length = 0;
    expect(await callBoth(ddb, doc, seenSecond)).to.deep.equal(expected);
    expect(seenFirst).to.deep.equal([]);
  });
});
