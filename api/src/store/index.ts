export * from './errors.js';
export { openTables, tableNames, type Tables, type TableName } from './tables.js';
export {
  openQueues,
  queueNames,
  encodeQueueMessage,
  decodeQueueMessage,
  type Queues,
  type QueueName,
} from './queues.js';
export { lockBuckets, lockRowKey, bucketMinutes, maxLockBuckets, type HeldSpan } from './lock-buckets.js';
export * from './bookings.js';
export * from './pages.js';
export * from './connections.js';
export * from './idempotency.js';
