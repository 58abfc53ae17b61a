import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM sealing of secrets at rest (a host's MSAL token cache with its refresh token). The key
 * comes from configuration (Key Vault in Azure); a sealed value is `iv ‖ tag ‖ ciphertext`, and a value
 * changed by anyone without the key fails to open.
 */
export interface TokenSealer {
  seal(plain: string): Uint8Array;
  open(sealed: Uint8Array): string;
}

/** @param secret any string; it is stretched to a 256-bit key with SHA-256. */
export function createTokenSealer(secret: string): TokenSealer {
  const key = createHash('sha256').update(`tandem-token-sealer\n${secret}`).digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    open(sealed) {
      const bytes = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
