import { randomUUID } from 'node:crypto';

export type HandshakeFailure = 'timeout' | 'unreachable' | 'status' | 'contentType' | 'body';

export type HandshakeResult = { ok: true } | { ok: false; failure: HandshakeFailure; detail: string };

export interface HandshakeOptions {
  /** Graph gives the endpoint 10 s to answer. */
  timeoutMs?: number;
  /** Override the opaque token (tests); by default it looks like Graph's, spaces and colons included. */
  token?: string;
}

/**
 * A validation token shaped like Graph's: it carries spaces and colons, so an endpoint that echoes
 * the still-encoded query value fails exactly as it would against Graph.
 */
export function newValidationToken(): string {
  return `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
}

/** `{url}?validationToken=…` keeping any query string the URL already has. */
export function validationUrl(url: string, token: string): string {
  const target = new URL(url);
  target.searchParams.append('validationToken', token);
  return target.toString();
}

/**
 * Graph's endpoint validation: POST `{url}?validationToken=…` with an empty text/plain body; the
 * endpoint must answer within the time limit with 200, `Content-Type: text/plain` and the decoded
 * token as the whole body.
 */
export async function validateNotificationEndpoint(
  url: string,
  options: HandshakeOptions = {},
): Promise<HandshakeResult> {
  const token = options.token ?? newValidationToken();
  const timeoutMs = options.timeoutMs ?? 10_000;
  let response: Response;
  try {
    response = await fetch(validationUrl(url, token), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: '',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // Duck-typed: the abort reason is a DOMException, which is not an Error in every realm.
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { ok: false, failure: 'timeout', detail: `no answer within ${timeoutMs} ms` };
    }
    return {
      ok: false,
      failure: 'unreachable',
      detail: String((error as { message?: unknown } | null)?.message ?? error),
    };
  }
  let body: string;
  try {
    body = await response.text();
  } catch {
    return { ok: false, failure: 'timeout', detail: `body not complete within ${timeoutMs} ms` };
  }
  if (response.status !== 200) {
    return { ok: false, failure: 'status', detail: `answered ${response.status}, expected 200` };
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!/^text\/plain\b/i.test(contentType)) {
    return {
      ok: false,
      failure: 'contentType',
      detail: `answered Content-Type "${contentType}", expected text/plain`,
    };
  }
  if (body !== token) {
    return { ok: false, failure: 'body', detail: 'the body is not the URL-decoded validation token' };
  }
  return { ok: true };
}
