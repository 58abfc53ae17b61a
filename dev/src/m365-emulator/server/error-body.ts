import { GraphError } from '../errors.js';
import type { EmulatorResponse } from './http-types.js';

/** Graph's error body: `{error:{code,message,innerError:{date,'request-id','client-request-id'}}}`. */
export function graphErrorResponse(error: GraphError, requestId: string): EmulatorResponse {
  return {
    status: error.status,
    headers: { 'content-type': 'application/json', ...error.headers },
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': requestId,
          'client-request-id': requestId,
        },
      },
    },
  };
}

/** Any thrown value as a Graph error response; unexpected ones become 500 and are logged. */
export function errorResponse(error: unknown, requestId: string): EmulatorResponse {
  if (error instanceof GraphError) return graphErrorResponse(error, requestId);
  console.error('m365-emulator: unexpected error', error);
  return graphErrorResponse(
    new GraphError(500, 'generalException', 'An unexpected error occurred.'),
    requestId,
  );
}
