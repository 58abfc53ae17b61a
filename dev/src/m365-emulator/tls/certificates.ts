// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata polyfill first.
import 'reflect-metadata';
import { X509Certificate as NodeX509, webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as x509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** `.tandem/tls` at the repository root, where `npm test` and `npm start` expect the dev CA. */
export const DEFAULT_TLS_DIR = fileURLToPath(new URL('../../../../.tandem/tls/', import.meta.url));

export interface TlsFiles {
  dir: string;
  /** PEM of the local CA: give it to Node as NODE_EXTRA_CA_CERTS. */
  caCertPath: string;
  serverCertPath: string;
  serverKeyPath: string;
  /** Server certificate followed by the CA, as the TLS server presents it. */
  cert: string;
  key: string;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;

function paths(dir: string) {
  return {
    ca: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca-key.pem'),
    server: join(dir, 'server.pem'),
    serverKey: join(dir, 'server-key.pem'),
  };
}

/**
 * Makes sure a dev CA and a server certificate for localhost / 127.0.0.1 / ::1 exist in `dir` and
 * are valid for at least another day; keeps them when they are, so the CA a running process
 * already trusts stays the same.
 */
export async function ensureCertificates(dir: string = DEFAULT_TLS_DIR): Promise<TlsFiles> {
  const p = paths(dir);
  if (!usable(p)) await generate(dir, p);
  return {
    dir,
    caCertPath: p.ca,
    serverCertPath: p.server,
    serverKeyPath: p.serverKey,
    cert: `${readFileSync(p.server, 'utf8').trimEnd()}\n${readFileSync(p.ca, 'utf8').trimEnd()}\n`,
    key: readFileSync(p.serverKey, 'utf8'),
  };
}

function usable(p: ReturnType<typeof paths>): boolean {
  if (![p.ca, p.server, p.serverKey].every((f) => existsSync(f))) return false;
  try {
    const ca = new NodeX509(readFileSync(p.ca));
    const server = new NodeX509(readFileSync(p.server));
    const soon = Date.now() + DAY_MS;
    return (
      server.checkIssued(ca) &&
      server.verify(ca.publicKey) &&
      new Date(ca.validTo).getTime() > soon &&
      new Date(server.validTo).getTime() > soon &&
      server.checkHost('localhost') !== undefined &&
      server.checkIP('127.0.0.1') !== undefined
    );
  } catch {
    return false;
  }
}

async function pemKey(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
    .toString('hex')
    .replace(/^[89a-f]/, '1');
}

async function generate(dir: string, p: ReturnType<typeof paths>): Promise<void> {
  const notBefore = new Date(Date.now() - DAY_MS);
  const notAfter = new Date(Date.now() + 825 * DAY_MS);
  const caKeys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=Tandem Local Development CA, O=Tandem',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const serverKeys = (await webcrypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const server = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=localhost, O=Tandem',
    issuer: ca.subject,
    notBefore,
    notAfter,
    signingKey: caKeys.privateKey,
    publicKey: serverKeys.publicKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  mkdirSync(dir, { recursive: true });
  // Each file is written whole and renamed into place, so a concurrent reader never sees half a PEM.
  const write = (path: string, content: string) => {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${content.trimEnd()}\n`, { mode: 0o600 });
    renameSync(tmp, path);
  };
  write(p.caKey, await pemKey(caKeys.privateKey));
  write(p.serverKey, await pemKey(serverKeys.privateKey));
  write(p.server, server.toString('pem'));
  write(p.ca, ca.toString('pem'));
}
