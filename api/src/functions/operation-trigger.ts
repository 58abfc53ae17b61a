import type { Operation } from '../contracts/operations.js';
import type { HttpTriggerSpec } from './definition.js';

/** The HTTP trigger of an operation of the API table (Tandem authenticates in code). */
export function triggerOf(operation: Operation): HttpTriggerSpec {
  return { kind: 'http', methods: [operation.method], route: operation.route, authLevel: 'anonymous' };
}
