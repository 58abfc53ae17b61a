/**
 * The one error type of the emulator. Every layer throws it; the HTTP layer turns it into Graph's
 * error body `{error:{code,message,innerError:{date,'request-id'}}}` (or an OAuth error for Entra).
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** A request body field that cannot be accepted; the message names the field. */
export function invalidField(field: string, problem: string): GraphError {
  return new GraphError(400, 'ErrorInvalidRequest', `Invalid value for '${field}': ${problem}.`);
}

export function itemNotFound(): GraphError {
  return new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

export function invalidUser(user: string): GraphError {
  return new GraphError(404, 'ErrorInvalidUser', `The requested user '${user}' is invalid.`);
}

/** PATCH with an If-Match change key that is no longer the item's. */
export function staleChangeKey(): GraphError {
  return new GraphError(
    412,
    'ErrorIrresolvableConflict',
    'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  );
}
