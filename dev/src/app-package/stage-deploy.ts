// Run by teamsapp.yml's deploy stage after `npm run build`: lays out build/deploy/{api,bot,web}, the
// folders the toolkit zips and uploads. Workspaces share one hoisted node_modules and run from .ts
// sources locally, so each service gets compiled JavaScript and its own production package.json
// (the toolkit then runs `npm install --omit=dev` in it).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployPackageJson, FUNCTIONS_HOST_JSON, type WorkspacePackage } from './deploy-layout.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const out = join(root, 'build', 'deploy');

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? 'signal'})`);
}

function stageService(workspace: 'api' | 'bot', main: string): void {
  const target = join(out, workspace);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  run('npx', [
    'tsc',
    '-p',
    `${workspace}/tsconfig.json`,
    '--noEmit',
    'false',
    '--rootDir',
    `${workspace}/src`,
    '--outDir',
    join(target, 'dist'),
    '--sourceMap',
    'false',
  ]);
  // Tests compile along with the sources (same tsconfig); they have no place in the deployed service.
  for (const file of readdirSync(join(target, 'dist'), { recursive: true, encoding: 'utf8' })) {
    if (/\.test\.js$/.test(file)) rmSync(join(target, 'dist', file));
  }
  const pkg = JSON.parse(readFileSync(join(root, workspace, 'package.json'), 'utf8')) as WorkspacePackage;
  writeFileSync(join(target, 'package.json'), JSON.stringify(deployPackageJson(pkg, main), null, 2) + '\n');
  if (workspace === 'api') {
    const hostJson = join(root, 'api', 'host.json');
    if (existsSync(hostJson)) cpSync(hostJson, join(target, 'host.json'));
    else writeFileSync(join(target, 'host.json'), JSON.stringify(FUNCTIONS_HOST_JSON, null, 2) + '\n');
  }
  console.log(`staged build/deploy/${workspace}`);
}

function stageWeb(): void {
  const target = join(out, 'web');
  const dist = join(root, 'addin', 'dist');
  if (!existsSync(dist)) throw new Error('addin/dist is missing: run `npm run build` first.');
  rmSync(target, { recursive: true, force: true });
  cpSync(dist, target, { recursive: true });
  // The manifest's ribbon icons are URLs on the front end's origin.
  cpSync(join(root, 'appPackage', 'assets'), join(target, 'assets'), { recursive: true });
  console.log('staged build/deploy/web');
}

/**
 * What the bot needs beside its compiled code: its Adaptive Card templates (JSON read at run time) and
 * the API's contracts, whose zod schemas it parses queue messages and answers with. The contracts are
 * compiled into the bot's dist and its imports of `@tandem/api/contracts` pointed at that copy, since
 * workspace siblings are not deployed.
 */
function stageBotExtras(): void {
  const dist = join(out, 'bot', 'dist');
  // Test helpers (they start the emulator and Azurite) have no place in the deployed bot.
  rmSync(join(dist, 'testing'), { recursive: true, force: true });
  cpSync(join(root, 'bot', 'src', 'cards'), join(dist, 'cards'), {
    recursive: true,
    filter: (source) => !/\.(ts)$/.test(source),
  });
  const contracts = join(dist, 'vendor', 'api-contracts');
  run('npx', [
    'tsc',
    join('api', 'src', 'contracts', 'index.ts'),
    ...['--rootDir', join('api', 'src', 'contracts'), '--outDir', contracts],
    ...['--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022'],
    ...['--strict', '--skipLibCheck', '--verbatimModuleSyntax', '--sourceMap', 'false'],
  ]);
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js') || file.startsWith('vendor')) continue;
    const path = join(dist, file);
    const depth = file.split(/[\\/]/).length - 1;
    const target = `${depth === 0 ? './' : '../'.repeat(depth)}vendor/api-contracts/index.js`;
    const code = readFileSync(path, 'utf8');
    if (code.includes("'@tandem/api/contracts'"))
      writeFileSync(path, code.replaceAll("'@tandem/api/contracts'", `'${target}'`));
  }
}

stageService('api', 'dist/functions/index.js');
stageService('bot', 'dist/main.js');
stageBotExtras();
stageWeb();
