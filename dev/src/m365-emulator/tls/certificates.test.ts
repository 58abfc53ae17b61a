import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCertificates } from './certificates.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-tls-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the dev certificates', () => {
  it('are a CA and a localhost server certificate it issued', async () => {
    const files = await ensureCertificates(dir);
    const ca = new X509Certificate(readFileSync(files.caCertPath));
    const server = new X509Certificate(readFileSync(files.serverCertPath));
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(files.cert).toContain(readFileSync(files.caCertPath, 'utf8').trim());
  });

  it('are reused while valid, so a process that already trusts the CA keeps working', async () => {
    const first = await ensureCertificates(dir);
    const again = await ensureCertificates(dir);
    expect(readFileSync(again.caCertPath, 'utf8')).toBe(readFileSync(first.caCertPath, 'utf8'));
    expect(again.key).toBe(first.key);
  });

  it('are made again when one file is missing', async () => {
    const first = await ensureCertificates(dir);
    const caBefore = readFileSync(first.caCertPath, 'utf8');
    unlinkSync(first.serverKeyPath);
    const again = await ensureCertificates(dir);
    expect(readFileSync(again.caCertPath, 'utf8')).not.toBe(caBefore);
    expect(
      new X509Certificate(readFileSync(again.serverCertPath)).verify(
        new X509Certificate(readFileSync(again.caCertPath)).publicKey,
      ),
    ).toBe(true);
  });
});
