import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Keys the local API needs; made once per data folder, so manage links and sealed tokens survive restarts. */
export interface DevSecrets {
  manageLinkSigningKey: string;
  tokenEncryptionKey: string;
}

export function devSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = {
    manageLinkSigningKey: randomBytes(32).toString('base64url'),
    tokenEncryptionKey: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
