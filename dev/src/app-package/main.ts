// `npm run package -- --env dev`: builds build/appPackage.<env>.zip from appPackage/ and env/.env.<env>.
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args.js';
import { PackageError } from './errors.js';
import { buildAppPackage } from './package.js';

async function main(): Promise<void> {
  const root = resolve(fileURLToPath(import.meta.url), '../../../..');
  try {
    const { env } = parseArgs(process.argv.slice(2));
    const built = await buildAppPackage({ root, env });
    console.log(
      `${relative(root, built.zipPath)}: ${built.files.join(', ')} (manifest v${built.manifest.manifestVersion})`,
    );
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(`package: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

await main();
