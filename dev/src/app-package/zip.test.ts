import { randomBytes } from 'node:crypto';
import { PackageError } from './errors.js';
import { crc32, readZip, writeZip } from './zip.js';

describe('crc32', () => {
  it('matches the standard check value for "123456789"', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
  it('is 0 for no bytes', () => {
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('writeZip', () => {
  const text = Buffer.from('{"manifestVersion":"1.30"}\n'.repeat(50));
  const noise = randomBytes(4096);

  it('round-trips compressible and incompressible files byte for byte', () => {
    const archive = writeZip([
      { name: 'manifest.json', data: text },
      { name: 'assets/noise.bin', data: noise },
      { name: 'empty.txt', data: Buffer.alloc(0) },
    ]);
    const entries = readZip(archive);
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'assets/noise.bin', 'empty.txt']);
    expect(entries[0]!.data.equals(text)).toBe(true);
    expect(entries[1]!.data.equals(noise)).toBe(true);
    expect(entries[2]!.data.length).toBe(0);
  });

  it('deflates text (method 8) and stores random bytes (method 0)', () => {
    const archive = writeZip([
      { name: 'a.json', data: text },
      { name: 'b.bin', data: noise },
    ]);
    // Local header of the first entry: compression method at offset 8.
    expect(archive.readUInt16LE(8)).toBe(8);
    const second = archive.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 4);
    expect(archive.readUInt16LE(second + 8)).toBe(0);
    expect(archive.length).toBeLessThan(text.length + noise.length);
  });

  it('gives identical bytes for identical input (reproducible packages)', () => {
    const entries = [{ name: 'manifest.json', data: text }];
    expect(writeZip(entries).equals(writeZip(entries))).toBe(true);
  });

  it.each(['../evil.png', '/abs.png', 'win\\path.png', ''])('refuses the entry name %j', (name) => {
    expect(() => writeZip([{ name, data: text }])).toThrow(PackageError);
  });

  it('refuses the same name twice', () => {
    expect(() =>
      writeZip([
        { name: 'color.png', data: text },
        { name: 'color.png', data: text },
      ]),
    ).toThrow(/twice/);
  });
});

describe('readZip', () => {
  it('detects a corrupted entry through its CRC', () => {
    const archive = writeZip([{ name: 'x.bin', data: randomBytes(64) }]);
    const at = 30 + 'x.bin'.length + 3;
    archive.writeUInt8(archive.readUInt8(at) ^ 0xff, at);
    expect(() => readZip(archive)).toThrow(/CRC mismatch/);
  });
  it('rejects bytes that are not a zip', () => {
    expect(() => readZip(Buffer.from('not a zip'))).toThrow(/not a zip/);
  });
});
