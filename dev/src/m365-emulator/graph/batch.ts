import { GraphError } from '../errors.js';
import type { EmulatorRequest, EmulatorResponse } from '../server/http-types.js';

const MAX_REQUESTS = 20;
/** Outlook runs at most four requests of a batch at a time. */
const PARALLEL = 4;

const JSON_CONTENT_TYPE =
  'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

/** Graph spells header names in batch answers the HTTP way ("Retry-After"); clients look them up so. */
function canonicalHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase())] = value;
  }
  return out;
}

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

function parseItems(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests))
    throw new GraphError(400, 'BadRequest', "Invalid batch payload: 'requests' must be an array.");
  if (requests.length > MAX_REQUESTS)
    throw new GraphError(
      400,
      'BadRequest',
      `Invalid batch payload: at most ${MAX_REQUESTS} requests per batch.`,
    );
  const items = requests.map((raw: unknown, i): BatchItem => {
    const r = (raw ?? {}) as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id === '')
      throw new GraphError(400, 'BadRequest', `Invalid batch payload: 'requests[${i}].id' is required.`);
    if (typeof r.method !== 'string')
      throw new GraphError(400, 'BadRequest', `Invalid batch payload: 'requests[${i}].method' is required.`);
    if (typeof r.url !== 'string')
      throw new GraphError(400, 'BadRequest', `Invalid batch payload: 'requests[${i}].url' is required.`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((r.headers ?? {}) as Record<string, unknown>))
      headers[k.toLowerCase()] = String(v);
    if (r.body !== undefined && !headers['content-type'])
      throw new GraphError(
        400,
        'BadRequest',
        `Invalid batch payload: 'requests[${i}].headers' needs Content-Type when a body is sent.`,
      );
    const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string'))
      throw new GraphError(
        400,
        'BadRequest',
        `Invalid batch payload: 'requests[${i}].dependsOn' must be an array of ids.`,
      );
    return {
      id: r.id,
      method: r.method.toUpperCase(),
      url: r.url,
      headers,
      body: r.body,
      dependsOn: dependsOn as string[],
    };
  });
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id))
      throw new GraphError(400, 'BadRequest', `Invalid batch payload: duplicate request id '${item.id}'.`);
    ids.add(item.id);
  }
  for (const item of items) {
    for (const d of item.dependsOn)
      if (!ids.has(d))
        throw new GraphError(
          400,
          'BadRequest',
          `Invalid batch payload: request '${item.id}' depends on unknown id '${d}'.`,
        );
  }
  return items;
}

/**
 * JSON batching: runs each request through the same Graph pipeline; a request whose dependency
 * failed answers 424 Failed Dependency, as Graph does.
 */
export async function runBatch(
  outer: EmulatorRequest,
  dispatch: (req: EmulatorRequest, relativePath: string) => Promise<EmulatorResponse>,
): Promise<EmulatorResponse> {
  const items = parseItems(outer.body);
  const results = new Map<string, Promise<EmulatorResponse>>();
  let running = 0;
  const waiting: Array<() => void> = [];
  const slot = async () => {
    if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
  };
  const free = () => {
    running -= 1;
    waiting.shift()?.();
  };
  const run = async (item: BatchItem): Promise<EmulatorResponse> => {
    const deps = await Promise.all(item.dependsOn.map((d) => results.get(d)!));
    if (deps.some((r) => r.status >= 400)) {
      return {
        status: 424,
        body: { error: { code: 'FailedDependency', message: 'A dependent request failed.' } },
      };
    }
    await slot();
    try {
      const url = new URL(item.url.startsWith('/') ? item.url : `/${item.url}`, 'https://localhost');
      const relativePath = url.pathname.replace(/^\/v1\.0(?=\/)/i, '');
      const sub: EmulatorRequest = {
        ...outer,
        method: item.method,
        path: url.pathname,
        url,
        query: url.searchParams,
        headers: { ...item.headers, authorization: outer.headers.authorization },
        body: item.body,
        rawBody: item.body === undefined ? '' : JSON.stringify(item.body),
        params: {},
      };
      return await dispatch(sub, relativePath);
    } finally {
      free();
    }
  };
  // Items are started in order so a dependency's promise always exists before its dependents ask for it.
  for (const item of items) results.set(item.id, run(item));
  const responses = await Promise.all(
    items.map(async (item) => {
      const r = await results.get(item.id)!;
      const headers = canonicalHeaders(r.headers ?? {});
      if (r.body !== undefined && typeof r.body !== 'string') headers['Content-Type'] ??= JSON_CONTENT_TYPE;
      const out: Record<string, unknown> = { id: item.id, status: r.status, headers };
      if (r.body !== undefined) out.body = r.body;
      return out;
    }),
  );
  return { status: 200, headers: { 'content-type': 'application/json' }, body: { responses } };
}
