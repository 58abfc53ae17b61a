import { GraphError } from '../../errors.js';
import type { EmulatorRequest } from '../../server/http-types.js';

export interface Page<T> {
  items: T[];
  /** Absolute URL of the next page, when there is one. */
  nextLink?: string;
}

function nonNegativeInt(query: URLSearchParams, name: string, max: number): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > max)
    throw new GraphError(400, 'BadRequest', `Invalid value '${raw}' for query option '${name}'.`);
  return n;
}

/**
 * `$top` / `$skip` paging with an `@odata.nextLink` that repeats the request with `$skip` moved on,
 * as Outlook's event lists do. `defaultSize` applies when the client gives neither `$top` nor
 * `Prefer: odata.maxpagesize`.
 */
export function paginate<T>(
  req: EmulatorRequest,
  baseUrl: string,
  items: readonly T[],
  options: { defaultSize: number; maxPageSize?: number },
): Page<T> {
  const top = nonNegativeInt(req.query, '$top', 1000);
  const skip = nonNegativeInt(req.query, '$skip', Number.MAX_SAFE_INTEGER) ?? 0;
  const size = top ?? options.maxPageSize ?? options.defaultSize;
  const slice = items.slice(skip, skip + size);
  if (skip + size >= items.length || size === 0) return { items: slice };
  const next = new URL(`${baseUrl}${req.path.replace(/^\/v1\.0/i, '')}`);
  for (const [k, v] of req.query) if (k !== '$skip') next.searchParams.append(k, v);
  next.searchParams.set('$skip', String(skip + size));
  if (top === undefined) next.searchParams.set('$top', String(size));
  return { items: slice, nextLink: next.toString() };
}
