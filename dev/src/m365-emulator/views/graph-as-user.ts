import { randomUUID } from 'node:crypto';
import type { EmulatorEnv } from '../env.js';
import { GRAPH_APP_ID } from '../entra/tokens.js';
import type { EmulatorRequest, EmulatorResponse } from '../server/http-types.js';
import type { UserRecord } from '../state/records.js';

/** Outlook on the web's client id: changes made in the view are made by "Outlook" for the user. */
export const OUTLOOK_CLIENT_ID = '00000002-0000-0ff1-ce00-000000000000';

/**
 * Sends one Graph request as `user`, through the same pipeline API clients go through, so a change
 * made in the Outlook view is validated, stored and notified exactly like one made through Graph.
 */
export async function graphAsUser(
  env: EmulatorEnv,
  user: UserRecord,
  method: string,
  relativePath: string,
  body?: unknown,
): Promise<EmulatorResponse> {
  const { token } = await env.tokens.accessToken({
    tenantId: user.tenantId,
    audience: GRAPH_APP_ID,
    clientId: OUTLOOK_CLIENT_ID,
    user,
    scopes: ['Calendars.ReadWrite', 'MailboxSettings.Read', 'User.Read'],
  });
  const url = new URL(`${env.urls.graphBaseUrl}${relativePath}`);
  const rawBody = body === undefined ? '' : JSON.stringify(body);
  const request: EmulatorRequest = {
    method,
    path: url.pathname,
    url,
    query: url.searchParams,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
    rawBody,
    params: {},
    requestId: randomUUID(),
  };
  return env.graph.dispatch(request, relativePath);
}
