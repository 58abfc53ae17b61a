/**
 * A deep copy of plain JSON-shaped data (objects, arrays, primitives) — what the store holds.
 * Several times faster than structuredClone for these small objects, which matters when a
 * calendar of 10,000 events is read.
 */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = clone(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = clone((value as Record<string, unknown>)[key]);
  return out as T;
}
