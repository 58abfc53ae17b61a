// Tables limits one string property to 64 KiB (32 K UTF-16 characters) but an entity to 1 MiB: a JSON
// document is spread over numbered columns so a large page definition still fits in one row, and so in
// the same entity-group transaction as its slug index.
const chunk = 30_000;
const prefix = 'json';

/** `{ json0: '…', json1: '…' }` for a JSON-serialisable value. */
export function toJsonColumns(value: unknown): Record<string, string> {
  const text = JSON.stringify(value);
  const columns: Record<string, string> = {};
  for (let i = 0, n = 0; i < text.length || n === 0; i += chunk, n++) {
    columns[`${prefix}${n}`] = text.slice(i, i + chunk);
  }
  return columns;
}

/** The value written by `toJsonColumns`. */
export function fromJsonColumns<T>(entity: Record<string, unknown>): T {
  let text = '';
  for (let n = 0; typeof entity[`${prefix}${n}`] === 'string'; n++) text += entity[`${prefix}${n}`] as string;
  return JSON.parse(text) as T;
}
