// Type-checks every workspace (each with its own tsconfig, since the front end needs DOM types and the
// server side must not see them), then bundles the front end when it exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const typecheckOnly = process.argv.includes('--typecheck-only');
const workspaces = ['api', 'dev', 'bot', 'addin', 'e2e', 'bench'];

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function hasSources(ws) {
  const dir = `${ws}/src`;
  return existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => /\.tsx?$/.test(String(f)));
}

for (const ws of workspaces) {
  if (!hasSources(ws)) continue;
  console.log(`typecheck ${ws}`);
  run('npx', ['tsc', '-p', `${ws}/tsconfig.json`]);
}
if (!typecheckOnly && existsSync('addin/vite.config.ts')) run('npm', ['run', 'build', '-w', 'addin']);
