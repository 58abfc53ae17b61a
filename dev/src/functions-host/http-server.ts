import type { HttpResponseInit, LogHandler } from '@azure/functions';
import { HttpRequest, HttpResponse, InvocationContext } from './azure-functions.js';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { invokeHttp, type HttpFunction, type Services } from '@tandem/api/functions';
import { compileRoute, type RouteMatcher } from './routes.js';

export interface HttpServerOptions {
  functions: readonly HttpFunction[];
  services: () => Promise<Services>;
  /** Origins allowed to call from a browser (the web front end); `*` allows any. */
  corsOrigins: readonly string[];
  /** @default 1 MiB */
  maxBodyBytes?: number;
  log: (functionName: string) => LogHandler;
}

interface Route {
  definition: HttpFunction;
  matcher: RouteMatcher;
}

const problem = (status: number, title: string, detail: string, instance: string) =>
  JSON.stringify({ type: 'about:blank', title, status, detail, instance });

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * The HTTP half of the local Functions host: `/api/{route}` → the function whose route and method
 * match, called with real @azure/functions `HttpRequest` and `InvocationContext` objects, through the
 * same error mapper as in Azure.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const routes: Route[] = options.functions.map((definition) => ({
    definition,
    matcher: compileRoute(definition.trigger.route),
  }));
  const limit = options.maxBodyBytes ?? 1024 * 1024;

  const cors = (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    if (!origin) return;
    if (options.corsOrigins.includes('*') || options.corsOrigins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-expose-headers', 'ETag, Location, Retry-After, WWW-Authenticate');
    }
  };

  return createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error('functions host: failed to answer', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/problem+json' });
      res.end(problem(500, 'Something went wrong', 'The local host failed to answer.', req.url ?? '/'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const method = (req.method ?? 'GET').toUpperCase();
    cors(req, res);
    const path = url.pathname.startsWith('/api/') ? url.pathname.slice('/api'.length) : undefined;
    const matches =
      path === undefined
        ? []
        : routes.flatMap((route) => {
            const params = route.matcher.match(path);
            return params ? [{ route, params }] : [];
          });
    if (matches.length === 0) {
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      res.end(problem(404, 'Not found', `No function answers ${url.pathname}.`, url.pathname));
      return;
    }
    const allowed = [...new Set(matches.flatMap((m) => m.route.definition.trigger.methods))];
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': allowed.join(', '),
        'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key, If-Match',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    const chosen = matches.find((m) => m.route.definition.trigger.methods.includes(method as never));
    if (!chosen) {
      res.writeHead(405, { 'content-type': 'application/problem+json', allow: allowed.join(', ') });
      res.end(
        problem(405, 'Method not allowed', `${url.pathname} answers ${allowed.join(', ')}.`, url.pathname),
      );
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await readBody(req, limit);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      res.writeHead(413, { 'content-type': 'application/problem+json', connection: 'close' });
      res.end(
        problem(413, 'Request too large', `A request body may be at most ${limit} bytes.`, url.pathname),
      );
      return;
    }
    const { definition } = chosen.route;
    const request = new HttpRequest({
      method,
      url: url.toString(),
      headers: headersOf(req),
      query: Object.fromEntries(url.searchParams.entries()),
      params: chosen.params,
      ...(bytes.length > 0 && { body: { bytes } }),
    });
    const invocationId = randomUUID();
    const context = new InvocationContext({
      invocationId,
      functionName: definition.name,
      logHandler: options.log(definition.name),
      triggerMetadata: { headers: headersOf(req), query: Object.fromEntries(url.searchParams.entries()) },
    });
    const answer: HttpResponseInit | InstanceType<typeof HttpResponse> = await invokeHttp(
      definition,
      request,
      context,
      options.services,
    );
    const response = answer instanceof HttpResponse ? answer : new HttpResponse(answer);
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    res.writeHead(response.status, headers);
    res.end(method === 'HEAD' ? undefined : body);
  }
}
