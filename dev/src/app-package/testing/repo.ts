import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is dev/src/app-package/testing/repo.ts). */
export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../../..');
