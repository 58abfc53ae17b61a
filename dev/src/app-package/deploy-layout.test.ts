import { deployPackageJson, FUNCTIONS_HOST_JSON } from './deploy-layout.js';

describe('deployPackageJson', () => {
  it('keeps runtime dependencies, drops workspace siblings, and points main and start at the compiled entry', () => {
    const pkg = deployPackageJson(
      {
        name: '@tandem/bot',
        version: '0.1.0',
        dependencies: { botbuilder: '^4.23.3', '@tandem/api': '*', zod: '^4.6.7' },
      },
      'dist/index.js',
    );
    expect(pkg).toEqual({
      name: '@tandem/bot',
      version: '0.1.0',
      private: true,
      type: 'module',
      main: 'dist/index.js',
      engines: { node: '>=20.19' },
      scripts: { start: 'node dist/index.js' },
      dependencies: { botbuilder: '^4.23.3', zod: '^4.6.7' },
    });
  });

  it('copes with a workspace that has no dependencies', () => {
    expect(deployPackageJson({ name: 'x' }, 'dist/main.js').dependencies).toEqual({});
  });
});

describe('FUNCTIONS_HOST_JSON', () => {
  it('targets Functions host 2.0 with the v4 extension bundle (queue and timer triggers)', () => {
    expect(FUNCTIONS_HOST_JSON.version).toBe('2.0');
    expect(FUNCTIONS_HOST_JSON.extensionBundle.version).toBe('[4.*, 5.0.0)');
  });
});
