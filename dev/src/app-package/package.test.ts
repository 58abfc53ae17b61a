import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { PackageError } from './errors.js';
import { iconProblems } from './icon-checks.js';
import { buildAppPackage } from './package.js';
import { repoRoot } from './testing/repo.js';
import { SAMPLE_VARIABLES, sampleEnvFile } from './testing/sample-values.js';
import { manifestUrls, onValidDomain } from './urls.js';
import { readZip } from './zip.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tandem-package-'));
  cpSync(join(repoRoot, 'appPackage'), join(root, 'appPackage'), { recursive: true });
  mkdirSync(join(root, 'env'));
  writeFileSync(join(root, 'env', '.env.test'), sampleEnvFile());
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<PackageError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PackageError) return error;
    throw error;
  }
  throw new Error('expected a PackageError');
}

describe('buildAppPackage', () => {
  it('writes build/appPackage.<env>.zip with the filled manifest and every file it references', async () => {
    const built = await buildAppPackage({ root, env: 'test', processEnv: {} });
    expect(built.zipPath).toBe(join(root, 'build', 'appPackage.test.zip'));
    const entries = new Map(readZip(readFileSync(built.zipPath)).map((e) => [e.name, e.data]));
    expect([...entries.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);

    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as {
      id: string;
      icons: Record<string, string>;
      validDomains: string[];
    };
    expect(manifest.id).toBe(SAMPLE_VARIABLES.TEAMS_APP_ID);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    for (const file of Object.values(manifest.icons)) expect(entries.has(file)).toBe(true);
    for (const { url } of manifestUrls(manifest))
      expect(onValidDomain(new URL(url).host, manifest.validDomains)).toBe(true);

    expect(iconProblems('color.png', entries.get('color.png')!, { size: 192 })).toEqual([]);
    expect(iconProblems('outline.png', entries.get('outline.png')!, { size: 32, outline: true })).toEqual([]);
  });

  it('builds the same bytes twice from the same inputs', async () => {
    const first = readFileSync((await buildAppPackage({ root, env: 'test', processEnv: {} })).zipPath);
    const second = readFileSync((await buildAppPackage({ root, env: 'test', processEnv: {} })).zipPath);
    expect(first.equals(second)).toBe(true);
  });

  it('lets the process environment override the env file, as Teams Toolkit does', async () => {
    const built = await buildAppPackage({ root, env: 'test', processEnv: { APP_DISPLAY_NAME: 'Tandem' } });
    expect((built.manifest as unknown as { name: { short: string } }).name.short).toBe('Tandem');
  });

  it('names the missing variable', async () => {
    const { BOT_ID: _, ...withoutBot } = SAMPLE_VARIABLES;
    writeFileSync(join(root, 'env', '.env.test'), sampleEnvFile(withoutBot));
    const error = await failure(buildAppPackage({ root, env: 'test', processEnv: {} }));
    expect(error).toMatchObject({ code: 'MISSING_VARIABLE', field: 'BOT_ID' });
    expect(error.message).toContain('${{BOT_ID}}');
  });

  it('refuses a manifest the schema rejects, naming the path', async () => {
    writeFileSync(
      join(root, 'env', '.env.test'),
      sampleEnvFile({ ...SAMPLE_VARIABLES, BOT_ID: 'not-a-guid' }),
    );
    const error = await failure(buildAppPackage({ root, env: 'test', processEnv: {} }));
    expect(error).toMatchObject({ code: 'INVALID_MANIFEST', field: '/bots/0/botId' });
  });

  it('refuses a URL outside validDomains', async () => {
    const manifestPath = join(root, 'appPackage', 'manifest.json');
    writeFileSync(
      manifestPath,
      readFileSync(manifestPath, 'utf8').replace(
        '"${{TAB_ENDPOINT}}/terms.html"',
        '"https://elsewhere.example.org/terms"',
      ),
    );
    const error = await failure(buildAppPackage({ root, env: 'test', processEnv: {} }));
    expect(error).toMatchObject({ code: 'URL_NOT_ON_VALID_DOMAIN', field: '/developer/termsOfUseUrl' });
  });

  it('refuses an SSO resource that is not on the tab host', async () => {
    const manifestPath = join(root, 'appPackage', 'manifest.json');
    writeFileSync(
      manifestPath,
      readFileSync(manifestPath, 'utf8').replace('"api://${{TAB_DOMAIN}}/', '"api://other.example.org/'),
    );
    const error = await failure(buildAppPackage({ root, env: 'test', processEnv: {} }));
    expect(error).toMatchObject({ code: 'URL_NOT_ON_VALID_DOMAIN', field: '/webApplicationInfo/resource' });
  });

  it('refuses an outline icon with a coloured pixel', async () => {
    const outline = join(root, 'appPackage', 'outline.png');
    const png = PNG.sync.read(readFileSync(outline));
    png.data.set([0, 120, 212, 255], 0);
    writeFileSync(outline, PNG.sync.write(png));
    const error = await failure(buildAppPackage({ root, env: 'test', processEnv: {} }));
    expect(error).toMatchObject({ code: 'INVALID_ICON', field: '/icons/outline' });
  });

  it('refuses a colour icon of the wrong size', async () => {
    writeFileSync(join(root, 'appPackage', 'color.png'), PNG.sync.write(new PNG({ width: 96, height: 96 })));
    const error = await failure(buildAppPackage({ root, env: 'test', processEnv: {} }));
    expect(error).toMatchObject({ code: 'INVALID_ICON', field: '/icons/color' });
    expect(error.message).toContain('96×96; it must be 192×192');
  });

  it('refuses a referenced file that is missing', async () => {
    rmSync(join(root, 'appPackage', 'color.png'));
    const error = await failure(buildAppPackage({ root, env: 'test', processEnv: {} }));
    expect(error).toMatchObject({ code: 'MISSING_FILE', field: '/icons/color' });
  });
});

describe('npm run package', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync(
      process.execPath,
      ['--conditions=tandem-source', '--import', 'tsx', 'dev/src/app-package/main.ts', ...args],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH, ...env },
        encoding: 'utf8',
      },
    );

  it('builds build/appPackage.dev.zip from env/.env.dev plus the environment', () => {
    const result = run(['--env', 'dev'], SAMPLE_VARIABLES);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('build/appPackage.dev.zip: manifest.json, color.png, outline.png');
    const names = readZip(readFileSync(join(repoRoot, 'build', 'appPackage.dev.zip'))).map((e) => e.name);
    expect(names).toEqual(['manifest.json', 'color.png', 'outline.png']);
  });

  it('exits 1 with a sentence naming the missing variables of an unprovisioned environment', () => {
    const result = run(['--env', 'dev'], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^package: appPackage\/manifest\.json needs \$\{\{TEAMS_APP_ID\}\}/);
    expect(result.stderr).toContain('${{TAB_ENDPOINT}}');
  });
});
