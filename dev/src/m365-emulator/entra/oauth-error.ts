import { randomUUID } from 'node:crypto';
import { GraphError } from '../errors.js';
import type { EmulatorResponse } from '../server/http-types.js';

/**
 * An OAuth 2.0 error as Entra sends it: `error`, `error_description` starting with the AADSTS code,
 * and a `suberror` where Entra gives one (`consent_required`).
 */
export function oauthError(
  error: string,
  aadsts: number,
  description: string,
  status = 400,
  suberror?: string,
): GraphError {
  const caught = new GraphError(status, error, `AADSTS${aadsts}: ${description}`);
  return suberror ? Object.assign(caught, { suberror }) : caught;
}

/** Entra's error body for the token endpoint (`{error, error_description, error_codes, …}`). */
export function oauthErrorResponse(caught: unknown): EmulatorResponse {
  if (!(caught instanceof GraphError)) throw caught;
  const code = /^AADSTS(\d+)/.exec(caught.message)?.[1];
  const traceId = randomUUID();
  return {
    status: caught.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache' },
    body: {
      error: caught.code,
      error_description: `${caught.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${traceId}\r\nTimestamp: ${new Date().toISOString()}`,
      error_codes: code ? [Number(code)] : [],
      timestamp: new Date().toISOString().replace('T', ' ').replace('Z', 'Z'),
      trace_id: traceId,
      correlation_id: traceId,
      ...('suberror' in caught && { suberror: caught.suberror }),
    },
  };
}
