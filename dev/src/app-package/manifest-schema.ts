import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const manifestPackageJson = require.resolve('@microsoft/app-manifest/package.json');
// The validator that @microsoft/app-manifest itself uses (its ManifestUtil.validateManifestAgainstSchema:
// ajv for draft-04, allErrors, strictTypes off, formats uri/email/regex), loaded from that package's
// own dependencies. Calling ManifestUtil directly is not possible under jest: its index pulls in an
// ESM-only dependency (strip-bom) through require().
const fromManifestPackage = createRequire(manifestPackageJson);

interface AjvError {
  instancePath: string;
  message?: string;
  params?: unknown;
}
interface AjvValidate {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
interface AjvInstance {
  compile(schema: object): AjvValidate;
}
type AjvConstructor = new (options: { allErrors: boolean; strictTypes: boolean }) => AjvInstance;

const AjvDraft04 = (fromManifestPackage('ajv-draft-04') as { default: AjvConstructor }).default;
const addFormats = (
  fromManifestPackage('ajv-formats') as { default: (ajv: AjvInstance, formats: string[]) => void }
).default;
const validators = new Map<string, AjvValidate>();

/** The folder of Teams manifest schemas that `@microsoft/app-manifest` ships (one `vX.Y` folder each). */
export function bundledTeamsSchemaDir(): string {
  return join(
    dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build',
    'json-schemas',
    'teams',
  );
}

/** The newest released (non-preview) manifest version among the bundled schemas, e.g. "1.30". */
export function newestBundledManifestVersion(): string {
  const versions = readdirSync(bundledTeamsSchemaDir())
    .map((folder) => /^v(\d+)\.(\d+)$/.exec(folder))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [Number(m[1]), Number(m[2])] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const newest = versions.at(-1);
  if (!newest) throw new Error('@microsoft/app-manifest ships no Teams schema');
  return `${newest[0]}.${newest[1]}`;
}

/** The official JSON schema of one manifest version, read from the package (never fetched). */
export function bundledManifestSchema(version: string): object {
  if (!/^\d+\.\d+$/.test(version)) throw new TypeError(`"${version}" is not a manifest version like 1.30`);
  const file = join(bundledTeamsSchemaDir(), `v${version}`, 'MicrosoftTeams.schema.json');
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}

/**
 * Validates a filled-in manifest against the bundled schema of its own `manifestVersion`, offline.
 * Returns one line per violation ("/path message"); empty when valid.
 */
export async function validateManifestOffline(manifest: unknown): Promise<string[]> {
  if (typeof manifest !== 'object' || manifest === null) return ['/ the manifest must be a JSON object'];
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version))
    return ['/manifestVersion must be a version like "1.30"'];
  let validate = validators.get(version);
  if (!validate) {
    const ajv = new AjvDraft04({ allErrors: true, strictTypes: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(bundledManifestSchema(version));
    validators.set(version, validate);
  }
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath} ${e.message ?? ''}. Details: ${e.params ? JSON.stringify(e.params) : ''}`,
  );
}
