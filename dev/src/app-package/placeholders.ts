import { PackageError } from './errors.js';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Every distinct `${{NAME}}` in `text`, in order of first appearance. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Replaces `${{NAME}}` in JSON text with the variable's value, escaped so the result stays valid
 * JSON. Every missing variable is named in one error, so a fresh environment is fixed in one pass.
 */
export function fillJsonPlaceholders(
  text: string,
  variables: ReadonlyMap<string, string>,
  source: string,
): string {
  const missing = placeholderNames(text).filter((name) => !variables.get(name));
  if (missing.length > 0) {
    throw new PackageError(
      'MISSING_VARIABLE',
      missing[0]!,
      `${source} needs ${missing.map((n) => `\${{${n}}}`).join(', ')}: set ${missing.length === 1 ? 'it' : 'them'} in env/.env.<env>, env/.env.<env>.user or the environment.`,
    );
  }
  return text.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(variables.get(name)).slice(1, -1));
}
