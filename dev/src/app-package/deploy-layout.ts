/** The parts of a workspace package.json a deployed service needs. */
export interface WorkspacePackage {
  name: string;
  version?: string;
  dependencies?: Record<string, string>;
}

/**
 * The package.json of a deployed service: its runtime dependencies only, `main` pointing at the
 * compiled entry (Azure Functions' Node worker loads `main`; App Service runs `npm start`), and
 * ESM. Workspace siblings (`@tandem/*`) are dropped: services import each other's types only.
 *
 * @example deployPackageJson({ name: '@tandem/bot', dependencies: { botbuilder: '^4' } }, 'dist/index.js')
 *   → { name: '@tandem/bot', type: 'module', main: 'dist/index.js', scripts: { start: 'node dist/index.js' }, ... }
 */
export function deployPackageJson(pkg: WorkspacePackage, main: string) {
  const dependencies = Object.fromEntries(
    Object.entries(pkg.dependencies ?? {}).filter(([name]) => !name.startsWith('@tandem/')),
  );
  return {
    name: pkg.name,
    version: pkg.version ?? '0.0.0',
    private: true,
    type: 'module',
    main,
    engines: { node: '>=20.19' },
    scripts: { start: `node ${main}` },
    dependencies,
  };
}

/** host.json for the Functions host when api/ does not ship its own. */
export const FUNCTIONS_HOST_JSON = {
  version: '2.0',
  logging: { applicationInsights: { samplingSettings: { isEnabled: true, excludedTypes: 'Request' } } },
  extensionBundle: { id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' },
} as const;
