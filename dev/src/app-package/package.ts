import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { PackageError } from './errors.js';
import { loadEnvironment } from './env-file.js';
import { iconProblems } from './icon-checks.js';
import { validateManifestOffline } from './manifest-schema.js';
import { fillJsonPlaceholders } from './placeholders.js';
import { urlsOffValidDomains } from './urls.js';
import { writeZip, type ZipEntry } from './zip.js';

/** The manifest fields Tandem's package relies on (the schema checks the rest). */
export interface TandemManifest {
  manifestVersion: string;
  icons: { color: string; outline: string; color32x32?: string };
  validDomains?: string[];
  staticTabs?: Array<{ contentUrl?: string }>;
  webApplicationInfo?: { id: string; resource?: string };
}

export interface BuildOptions {
  /** The repository root (holds appPackage/ and env/). */
  root: string;
  /** Environment name: reads env/.env.<env> and env/.env.<env>.user. */
  env: string;
  /** Overrides the environment files, like the shell does for Teams Toolkit. Default: process.env. */
  processEnv?: NodeJS.ProcessEnv;
  /** Where the zip goes. Default: <root>/build. */
  outDir?: string;
}

export interface BuiltPackage {
  zipPath: string;
  manifest: TandemManifest;
  /** Archive entry names, manifest.json first. */
  files: string[];
}

/**
 * Renders appPackage/manifest.json for one environment and zips it with every file it references,
 * after checking what Teams would reject on upload: schema validity (offline, bundled schema), icon
 * sizes and the outline icon's transparency, every URL on a valid domain, and the SSO resource on
 * the tab's domain.
 */
export async function buildAppPackage(options: BuildOptions): Promise<BuiltPackage> {
  const appDir = join(options.root, 'appPackage');
  const template = readFileSync(join(appDir, 'manifest.json'), 'utf8');
  const variables = loadEnvironment(options.root, options.env, options.processEnv);
  const rendered = fillJsonPlaceholders(template, variables, 'appPackage/manifest.json');
  const manifest = JSON.parse(rendered) as TandemManifest;

  const schemaErrors = await validateManifestOffline(manifest);
  if (schemaErrors.length > 0) {
    throw new PackageError(
      'INVALID_MANIFEST',
      schemaErrors[0]!.split(' ')[0] ?? '/',
      `The manifest does not match the v${manifest.manifestVersion} schema:\n  ${schemaErrors.join('\n  ')}`,
    );
  }
  checkDomains(manifest);

  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') },
  ];
  for (const ref of referencedFiles(manifest)) {
    const file = join(appDir, ...ref.path.split('/'));
    if (!existsSync(file)) {
      throw new PackageError(
        'MISSING_FILE',
        ref.field,
        `${ref.field} names "${ref.path}", which is not in appPackage/.`,
      );
    }
    const data = readFileSync(file);
    const problems = iconProblems(ref.path, data, ref.icon);
    if (problems.length > 0) throw new PackageError('INVALID_ICON', ref.field, problems.join(' '));
    entries.push({ name: ref.path, data });
  }

  const outDir = options.outDir ?? join(options.root, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.env}.zip`);
  writeFileSync(zipPath, writeZip(entries));
  return { zipPath, manifest, files: entries.map((e) => e.name) };
}

/** Files the manifest names by relative path, with the size each icon must have. */
export function referencedFiles(
  manifest: TandemManifest,
): Array<{ field: string; path: string; icon: { size: number; outline?: boolean } }> {
  const refs = [
    { field: '/icons/color', path: manifest.icons.color, icon: { size: 192 } },
    { field: '/icons/outline', path: manifest.icons.outline, icon: { size: 32, outline: true } },
  ];
  if (manifest.icons.color32x32) {
    refs.push({ field: '/icons/color32x32', path: manifest.icons.color32x32, icon: { size: 32 } });
  }
  for (const ref of refs) {
    const normal = posix.normalize(ref.path);
    if (normal.startsWith('..') || posix.isAbsolute(normal)) {
      throw new PackageError(
        'MISSING_FILE',
        ref.field,
        `${ref.field} must be a path inside appPackage/, not "${ref.path}".`,
      );
    }
    ref.path = normal;
  }
  return refs;
}

function checkDomains(manifest: TandemManifest): void {
  const off = urlsOffValidDomains(manifest);
  if (off.length > 0) {
    throw new PackageError(
      'URL_NOT_ON_VALID_DOMAIN',
      off[0]!.path,
      `Teams only loads URLs on validDomains (${(manifest.validDomains ?? []).join(', ') || 'none'}); these are not: ${off
        .map((o) => `${o.path} = ${o.url}`)
        .join('; ')}.`,
    );
  }
  // Tab SSO only issues a token when the Application ID URI's host is the tab's own host.
  const resource = manifest.webApplicationInfo?.resource;
  const tab = manifest.staticTabs?.find((t) => t.contentUrl)?.contentUrl;
  if (resource && tab) {
    const resourceHost = /^api:\/\/([^/]+)\//.exec(resource)?.[1];
    if (resourceHost?.toLowerCase() !== new URL(tab).host.toLowerCase()) {
      throw new PackageError(
        'URL_NOT_ON_VALID_DOMAIN',
        '/webApplicationInfo/resource',
        `webApplicationInfo.resource "${resource}" must be api://<tab host>/<client id>; the tab is on ${new URL(tab).host}.`,
      );
    }
  }
}
