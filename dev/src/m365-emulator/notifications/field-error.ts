import { GraphError } from '../errors.js';

/** A 400 for one subscription body field; the message names the field, as Graph's do. */
export function invalidField(field: string, message: string): GraphError {
  const error = new GraphError(400, 'InvalidRequest', message);
  return Object.assign(error, { field });
}
