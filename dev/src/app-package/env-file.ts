import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackageError } from './errors.js';

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

/**
 * Parses a Teams Toolkit environment file (dotenv syntax): `NAME=value`, `#` comments, optional
 * single or double quotes. A commented-out assignment (`# SECRET_X=`) is reported in `documented`
 * so templates can list secrets that live in the ignored `.user` file.
 *
 * @example parseEnvFile('A=1\n# SECRET_B=\n') → values { A: '1' }, documented ['SECRET_B']
 */
export function parseEnvFile(
  text: string,
  fileName = 'env file',
): { values: Map<string, string>; documented: string[] } {
  const values = new Map<string, string>();
  const documented: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      const commented = LINE.exec(line.slice(1));
      if (commented) documented.push(commented[1]!);
      return;
    }
    const m = LINE.exec(line);
    if (!m) {
      throw new PackageError(
        'INVALID_ENV_FILE',
        `${fileName}:${index + 1}`,
        `${fileName} line ${index + 1} is not NAME=value: "${raw}"`,
      );
    }
    values.set(m[1]!, unquote(m[2]!));
  });
  return { values, documented };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  if (quoted) return quoted[2]!;
  const hash = value.indexOf(' #');
  return hash >= 0 ? value.slice(0, hash).trimEnd() : value;
}

/**
 * The variables of one environment, as Teams Toolkit resolves them: `env/.env.<env>`, then the
 * ignored `env/.env.<env>.user` (secrets), then the process environment, each overriding the last.
 * Empty values count as unset.
 */
export function loadEnvironment(
  root: string,
  env: string,
  processEnv: NodeJS.ProcessEnv = process.env,
): Map<string, string> {
  if (!/^[A-Za-z0-9_-]+$/.test(env)) {
    throw new PackageError(
      'INVALID_ARGUMENT',
      'env',
      `Environment name "${env}" may only contain letters, digits, "-" and "_".`,
    );
  }
  const base = join(root, 'env', `.env.${env}`);
  if (!existsSync(base)) {
    throw new PackageError(
      'MISSING_FILE',
      `env/.env.${env}`,
      `No environment file env/.env.${env}: create it from env/.env.dev.`,
    );
  }
  const merged = new Map<string, string>();
  for (const file of [base, `${base}.user`]) {
    if (!existsSync(file)) continue;
    for (const [k, v] of parseEnvFile(readFileSync(file, 'utf8'), file).values)
      if (v !== '') merged.set(k, v);
  }
  for (const [k, v] of Object.entries(processEnv)) if (v !== undefined && v !== '') merged.set(k, v);
  merged.set('TEAMSFX_ENV', env);
  return merged;
}
