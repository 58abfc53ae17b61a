import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvironment, parseEnvFile } from './env-file.js';
import { PackageError } from './errors.js';

describe('parseEnvFile', () => {
  it('reads values, quotes, trailing comments and documented (commented-out) names', () => {
    const { values, documented } = parseEnvFile(
      [
        '# a comment',
        'A=1',
        'B="two words"',
        "C='x=y'",
        'D=plain # note',
        'export E=e',
        'EMPTY=',
        '# SECRET_F=   written by aadApp/create',
        '',
      ].join('\n'),
    );
    expect(Object.fromEntries(values)).toEqual({
      A: '1',
      B: 'two words',
      C: 'x=y',
      D: 'plain',
      E: 'e',
      EMPTY: '',
    });
    expect(documented).toEqual(['SECRET_F']);
  });

  it('names the file and line of a malformed line', () => {
    expect(() => parseEnvFile('A=1\nnot an assignment', 'env/.env.dev')).toThrow(
      expect.objectContaining({ code: 'INVALID_ENV_FILE', field: 'env/.env.dev:2' }),
    );
  });
});

describe('loadEnvironment', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tandem-env-'));
    mkdirSync(join(root, 'env'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('layers .env.<env>, then .env.<env>.user, then the process environment; empty means unset', () => {
    writeFileSync(join(root, 'env', '.env.dev'), 'A=file\nB=file\nC=file\nD=\n');
    writeFileSync(join(root, 'env', '.env.dev.user'), 'B=user\nSECRET_X=s\nC=\n');
    const vars = loadEnvironment(root, 'dev', { C: 'process', A: '' });
    expect(vars.get('A')).toBe('file');
    expect(vars.get('B')).toBe('user');
    expect(vars.get('C')).toBe('process');
    expect(vars.get('SECRET_X')).toBe('s');
    expect(vars.has('D')).toBe(false);
    expect(vars.get('TEAMSFX_ENV')).toBe('dev');
  });

  it('says which environment file is missing', () => {
    expect(() => loadEnvironment(root, 'prod', {})).toThrow(
      expect.objectContaining({ field: 'env/.env.prod' }),
    );
  });

  it('refuses environment names that could escape env/', () => {
    expect(() => loadEnvironment(root, '../secrets', {})).toThrow(PackageError);
  });
});
