import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
import { randomBytes } from 'node:crypto';
import type { EmulatorStore } from '../state/store.js';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/**
 * The RS256 key Entra signs tokens with. Kept in the store so a restart (or a saved state file)
 * keeps tokens issued earlier valid, as a real tenant's keys outlive any one process.
 */
export async function loadSigningKey(store: EmulatorStore): Promise<SigningKey> {
  const bag = store.extension<{ key: StoredKey | null }>('entra-signing-key', () => ({ key: null }));
  if (!bag.key) {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomBytes(16).toString('base64url');
    bag.key = {
      kid,
      privateJwk: await exportJWK(privateKey),
      publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' },
    };
  }
  const privateKey = (await importJWK(bag.key.privateJwk, 'RS256')) as CryptoKey;
  return { kid: bag.key.kid, privateKey, publicJwk: bag.key.publicJwk };
}
