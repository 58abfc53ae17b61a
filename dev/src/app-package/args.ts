import { PackageError } from './errors.js';

/** Parses `--env <name>` (or `--env=<name>`); the environment defaults to "dev". */
export function parseArgs(argv: readonly string[]): { env: string } {
  let env = 'dev';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--env') {
      const value = argv[++i];
      if (!value)
        throw new PackageError(
          'INVALID_ARGUMENT',
          '--env',
          '--env needs an environment name, e.g. --env dev.',
        );
      env = value;
    } else if (arg.startsWith('--env=')) {
      env = arg.slice('--env='.length);
    } else {
      throw new PackageError(
        'INVALID_ARGUMENT',
        arg,
        `Unknown argument "${arg}". Usage: npm run package -- --env <name>`,
      );
    }
  }
  return { env };
}
