import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { GraphError } from '../errors.js';
import { errorResponse, graphErrorResponse } from './error-body.js';
import type { EmulatorRequest, EmulatorResponse, HttpRoute } from './http-types.js';
import { Router } from './router.js';

const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface HttpsServerHandle {
  server: Server;
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

export interface TlsMaterial {
  key: string;
  cert: string;
}

/** Starts an HTTPS server dispatching through `routes`; `port` 0 picks a free one. */
export async function startHttpsServer<C>(options: {
  routes: readonly HttpRoute<C>[];
  context: C;
  tls: TlsMaterial;
  port: number;
  host: string;
}): Promise<HttpsServerHandle> {
  const router = new Router(options.routes);
  const sockets = new Set<Socket>();
  const server = createServer({ key: options.tls.key, cert: options.tls.cert }, (req, res) => {
    void handle(router, options.context, req, res);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets are ended cleanly so pooled clients notice before reusing them;
        // requests still running get a moment, then their sockets are dropped.
        server.closeIdleConnections();
        setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, 200).unref();
      }),
  };
}

async function handle<C>(
  router: Router<HttpRoute<C>>,
  context: C,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = headerValue(req.headers['client-request-id']) ?? randomUUID();
  let response: EmulatorResponse;
  try {
    const request = await parseRequest(req, requestId);
    if (request.method === 'OPTIONS') {
      send(
        res,
        { status: 204, headers: preflightHeaders(request.headers) },
        requestId,
        request.headers.origin,
      );
      return;
    }
    const match = router.match(request.method, request.path);
    if (!match.found) {
      throw match.methodMismatch
        ? new GraphError(
            405,
            'Request_BadRequest',
            `The HTTP method '${request.method}' is not supported for '${request.path}'.`,
          )
        : new GraphError(
            400,
            'BadRequest',
            `Resource not found for the segment '${request.path.split('/').filter(Boolean).pop() ?? ''}'.`,
          );
    }
    request.params = match.found.params;
    response = await match.found.route.handler(request, context);
  } catch (error) {
    response = errorResponse(error, requestId);
  }
  send(res, response, requestId, headerValue(req.headers.origin));
}

/**
 * Browsers call Entra and Graph from the app's own origin (MSAL in a SPA, Outlook's nested app
 * auth), as they do against Microsoft's endpoints, which answer CORS for any origin.
 */
function preflightHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  return {
    'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
    'access-control-allow-headers':
      headers['access-control-request-headers'] ?? 'authorization, content-type',
    'access-control-max-age': '600',
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

async function parseRequest(req: IncomingMessage, requestId: string): Promise<EmulatorRequest> {
  const url = new URL(req.url ?? '/', 'https://localhost');
  const rawBody = await readBody(req);
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = headerValue(v);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    url,
    query: url.searchParams,
    headers,
    body: parseBody(rawBody, headers['content-type'] ?? ''),
    rawBody,
    params: {},
    requestId,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new GraphError(413, 'RequestEntityTooLarge', 'The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses by content type; malformed JSON is a Graph 400 rather than a crash. */
export function parseBody(raw: string, contentType: string): unknown {
  if (raw.length === 0) return undefined;
  if (/application\/x-www-form-urlencoded/i.test(contentType))
    return Object.fromEntries(new URLSearchParams(raw));
  if (/json/i.test(contentType) || /^\s*[[{]/.test(raw)) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw new GraphError(
        400,
        'BadRequest',
        'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      );
    }
  }
  return raw;
}

function send(
  res: ServerResponse,
  response: EmulatorResponse,
  requestId: string,
  origin: string | undefined,
): void {
  const headers: Record<string, string> = {
    'request-id': requestId,
    'client-request-id': requestId,
    ...(origin
      ? {
          'access-control-allow-origin': origin,
          'access-control-expose-headers': 'request-id, client-request-id, retry-after, location',
          vary: 'Origin',
        }
      : {}),
    ...response.headers,
  };
  let payload: string | undefined;
  if (typeof response.body === 'string') {
    payload = response.body;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??=
      'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';
  }
  if (res.headersSent) return;
  res.writeHead(response.status, headers);
  if (response.afterSend) res.once('finish', response.afterSend);
  res.end(payload);
}

export { graphErrorResponse };
