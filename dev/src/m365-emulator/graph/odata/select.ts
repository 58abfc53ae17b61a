import { GraphError } from '../../errors.js';

/**
 * `$select=subject,start`: the property names asked for, or null for all. Unknown names are a 400,
 * as Graph answers. `id` and annotations (`@odata.*`) are always kept.
 */
export function readSelect(
  query: URLSearchParams,
  known: ReadonlySet<string>,
  typeName: string,
): string[] | null {
  const raw = query.get('$select');
  if (raw === null || raw.trim() === '' || raw.trim() === '*') return null;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!known.has(name))
      throw new GraphError(
        400,
        'RequestBroker--ParseUri',
        `Could not find a property named '${name}' on type '${typeName}'.`,
      );
  }
  return names;
}

export function applySelect(
  resource: Record<string, unknown>,
  select: string[] | null,
): Record<string, unknown> {
  if (!select) return resource;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'id' || key.startsWith('@odata.') || select.includes(key)) out[key] = value;
  }
  return out;
}
