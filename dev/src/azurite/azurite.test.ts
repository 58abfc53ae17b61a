import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { startAzurite, type RunningAzurite } from './index.js';

describe('in-process Azurite', () => {
  let first: RunningAzurite;
  let second: RunningAzurite;
  beforeAll(async () => {
    [first, second] = await Promise.all([startAzurite(), startAzurite()]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('stores and reads back a table entity through the connection string', async () => {
    const table = TableClient.fromConnectionString(first.connectionString, 'probe', {
      allowInsecureConnection: true,
    });
    await table.createTable();
    await table.createEntity({ partitionKey: 'p', rowKey: 'r', value: 42 });
    const read = await table.getEntity<{ value: number }>('p', 'r');
    expect(read.value).toBe(42);
  });

  it('keeps two instances apart (each has its own in-memory data)', async () => {
    const table = TableClient.fromConnectionString(second.connectionString, 'probe', {
      allowInsecureConnection: true,
    });
    await table.createTable();
    await expect(table.getEntity('p', 'r')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('sends and receives a queue message', async () => {
    const queue = new QueueClient(first.connectionString, 'probe');
    await queue.create();
    await queue.sendMessage('hello');
    const received = await queue.receiveMessages();
    expect(received.receivedMessageItems.map((m) => m.messageText)).toEqual(['hello']);
  });
});
