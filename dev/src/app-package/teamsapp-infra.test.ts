import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseBicep, stripLineComment, type BicepFile } from './bicep.js';
import { parseEnvFile } from './env-file.js';
import { placeholderNames } from './placeholders.js';
import { repoRoot } from './testing/repo.js';
import {
  contractProblems,
  readTeamsAppYaml,
  STAGES,
  variablesGeneratedBeforeReading,
  variablesReadBy,
  variablesWrittenBy,
  type Action,
} from './teamsapp.js';

const yaml = readTeamsAppYaml(repoRoot);
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const bicep = (path: string): BicepFile => parseBicep(read(path));
const main = bicep('infra/main.bicep');
const parameters = (
  JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, { value: string }> }
).parameters;
const envTemplate = parseEnvFile(read('env/.env.dev'), 'env/.env.dev');
const actions = (stage: (typeof STAGES)[number]): Action[] => yaml[stage] ?? [];
const allActions = STAGES.flatMap(actions);

/** Variables the toolkit itself provides or asks the developer for when they are empty. */
const TOOLKIT_PROVIDED = new Set(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);

describe('teamsapp.yml', () => {
  it('uses the v1.8 schema and reads env/ for environments', () => {
    expect(yaml.version).toBe('v1.8');
    expect(yaml.environmentFolderPath).toBe('./env');
  });

  it('provisions with every action the lifecycle needs, in a workable order', () => {
    const uses = actions('provision').map((a) => a.uses);
    for (const needed of [
      'teamsApp/create',
      'aadApp/create',
      'botAadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/update',
    ]) {
      expect(uses).toContain(needed);
    }
    expect(uses.indexOf('arm/deploy')).toBeGreaterThan(uses.indexOf('aadApp/create'));
    expect(uses.indexOf('arm/deploy')).toBeGreaterThan(uses.indexOf('botAadApp/create'));
    expect(uses.indexOf('teamsApp/update')).toBeGreaterThan(uses.indexOf('teamsApp/zipAppPackage'));
  });

  it('deploys the API to Functions, the bot to App Service and the front end to Storage', () => {
    const deploy = new Map(actions('deploy').map((a) => [a.uses, a.with ?? {}]));
    expect(deploy.get('azureFunctions/zipDeploy')).toMatchObject({
      resourceId: '${{API_FUNCTION_RESOURCE_ID}}',
    });
    expect(deploy.get('azureAppService/zipDeploy')).toMatchObject({
      resourceId: '${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
    expect(deploy.get('azureStorage/deploy')).toMatchObject({
      resourceId: '${{TAB_AZURE_STORAGE_RESOURCE_ID}}',
    });
  });

  it('gives every action exactly the inputs and outputs its schema (v1.8) defines', () => {
    expect(allActions.flatMap(contractProblems)).toEqual([]);
  });

  it('would notice a missing required input and an unknown one', () => {
    expect(
      contractProblems({ uses: 'teamsApp/zipAppPackage', with: { manifestPath: 'm', outputZip: 'z' } }),
    ).toEqual([
      'teamsApp/zipAppPackage needs with.outputZipPath',
      'teamsApp/zipAppPackage needs with.outputFolder',
      'teamsApp/zipAppPackage has unknown with.outputZip',
    ]);
    expect(
      contractProblems({
        uses: 'botAadApp/create',
        with: { name: 'b' },
        writeToEnvironmentFile: { botId: 'BOT_ID', botPassword: 'BOT_PASSWORD' },
      }),
    ).toEqual(['botAadApp/create writes botPassword to "BOT_PASSWORD", which must be SECRET_UPPER_CASE']);
  });

  it('only names files that exist', () => {
    for (const action of allActions) {
      const w = action.with ?? {};
      const files = [
        ...((w.templates as Array<{ path: string; parameters?: string }>) ?? []).flatMap((t) => [
          t.path,
          t.parameters,
        ]),
        w.manifestPath,
      ].filter((f): f is string => typeof f === 'string');
      for (const file of files) expect(() => read(file)).not.toThrow();
    }
  });

  it('gives every variable a value before the action that reads it runs', () => {
    const userProvided = [...envTemplate.values].filter(([, v]) => v !== '').map(([k]) => k);
    const available = new Set([...TOOLKIT_PROVIDED, ...userProvided]);
    const unresolved: string[] = [];
    // Deploy and publish run after provision, with everything it wrote.
    for (const stage of STAGES) {
      for (const action of actions(stage)) {
        for (const name of variablesGeneratedBeforeReading(action)) available.add(name);
        for (const name of variablesReadBy(repoRoot, action)) {
          if (!available.has(name)) unresolved.push(`${stage}: ${action.uses} reads ${name}`);
        }
        for (const name of variablesWrittenBy(repoRoot, action)) available.add(name);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('reads only resource ids that infra/main.bicep outputs', () => {
    const ids = allActions.flatMap((a) =>
      Object.entries(a.with ?? {})
        .filter(([key]) => /resourceid$/i.test(key))
        .flatMap(([, value]) => placeholderNames(String(value))),
    );
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) expect(main.outputs).toContain(id);
  });
});

describe('infra/main.parameters.json and main.bicep', () => {
  it('passes only parameters main.bicep declares, and every one it requires', () => {
    for (const name of Object.keys(parameters)) expect([...main.params.keys()]).toContain(name);
    const required = [...main.params].filter(([, p]) => !p.hasDefault).map(([name]) => name);
    for (const name of required) expect(Object.keys(parameters)).toContain(name);
  });

  it('passes secrets only into @secure() parameters, and only from SECRET_ variables', () => {
    for (const [name, { value }] of Object.entries(parameters)) {
      const secretVars = placeholderNames(value).filter((v) => v.startsWith('SECRET_'));
      expect({ name, secure: main.params.get(name)!.secure }).toEqual({
        name,
        secure: secretVars.length > 0,
      });
    }
  });

  it("declares every output name teamsapp.yml relies on, in the toolkit's UPPER_CASE form", () => {
    for (const output of main.outputs) expect(output).toMatch(/^[A-Z][A-Z0-9_]*$/);
    for (const needed of ['TAB_DOMAIN', 'TAB_ENDPOINT', 'BOT_DOMAIN', 'API_ENDPOINT'])
      expect(main.outputs).toContain(needed);
  });

  it('wires modules consistently: known params, required params given, outputs that exist', () => {
    const problems: string[] = [];
    const modules = new Map(main.modules.map((m) => [m.symbol, m]));
    for (const module of main.modules) {
      const file = bicep(join('infra', module.path));
      for (const param of module.params) {
        if (!file.params.has(param)) problems.push(`${module.symbol} passes unknown param ${param}`);
      }
      for (const [param, info] of file.params) {
        if (!info.hasDefault && !module.params.includes(param))
          problems.push(`${module.symbol} misses ${param}`);
      }
    }
    for (const { symbol, output } of main.outputReads) {
      const module = modules.get(symbol);
      if (!module) {
        problems.push(`${symbol}.outputs.${output}: no module ${symbol}`);
        continue;
      }
      if (!bicep(join('infra', module.path)).outputs.has(output))
        problems.push(`${module.path} has no output ${output}`);
    }
    expect(problems).toEqual([]);
    expect(main.modules.length).toBeGreaterThanOrEqual(8);
  });

  it('never puts a secret into an app setting in plain text', () => {
    const settingsFiles = ['infra/modules/function-app.bicep', 'infra/modules/bot-app.bicep'];
    for (const path of settingsFiles) {
      const lines = read(path).split('\n').map(stripLineComment);
      // The Application Insights connection string is an ingestion address, not a credential.
      const secretSettings = lines.filter(
        (l) =>
          /name: '(\w*(SECRET|PASSWORD|KEY|CONNECTION_STRING)\w*|AzureWebJobsStorage)'/.test(l) &&
          !l.includes("'APPLICATIONINSIGHTS_CONNECTION_STRING'"),
      );
      expect(secretSettings.length).toBeGreaterThan(0);
      for (const line of secretSettings) expect(line).toMatch(/value: secretReferences\.\w+ \}/);
    }
    const references = read('infra/modules/key-vault.bicep');
    expect(references).toContain("'@Microsoft.KeyVault(VaultName=${vault.name};SecretName=");
  });
});

describe('Azure resources', () => {
  const all = readdirSync(join(repoRoot, 'infra', 'modules'))
    .map((f) => read(join('infra', 'modules', f)))
    .join('\n');

  it.each([
    ['Functions app on Linux, Node 20', /kind: 'functionapp,linux'[\s\S]*linuxFxVersion: 'Node\|20'/],
    ['bot on App Service, Node 20', /kind: 'app,linux'[\s\S]*linuxFxVersion: 'NODE\|20-lts'/],
    [
      'Azure Bot with the Teams channel',
      /Microsoft\.BotService\/botServices@[\s\S]*channelName: 'MsTeamsChannel'/,
    ],
    ['Storage tables and queues', /tableServices@[\s\S]*queueServices\/queues@/],
    [
      'Key Vault with RBAC and a secrets-reader role',
      /^(?=[\s\S]*enableRbacAuthorization: true)(?=[\s\S]*4633458b-17de-408a-b874-0445c86b69e6)/,
    ],
    ['Application Insights', /Microsoft\.Insights\/components@/],
  ])('declares %s', (_, pattern) => {
    expect(all).toMatch(pattern);
  });
});

describe('env/.env.dev', () => {
  const listed = new Set(envTemplate.values.keys());
  const documentedSecrets = new Set(envTemplate.documented.filter((n) => n.startsWith('SECRET_')));

  const everyVariable = () => {
    const names = new Set<string>();
    const add = (list: Iterable<string>) => {
      for (const n of list) names.add(n);
    };
    add(placeholderNames(read('appPackage/manifest.json')));
    add(placeholderNames(read('infra/aad.manifest.json')));
    add(placeholderNames(read('infra/main.parameters.json')));
    for (const action of allActions) {
      add(variablesReadBy(repoRoot, action));
      add(variablesWrittenBy(repoRoot, action));
    }
    return [...names];
  };

  it('lists every variable the manifest, the Entra manifest, the parameters and teamsapp.yml use', () => {
    const missing = everyVariable().filter(
      (n) => !(n.startsWith('SECRET_') ? documentedSecrets : listed).has(n),
    );
    expect(missing).toEqual([]);
  });

  it('holds no secret values: SECRET_ variables appear only as comments (they live in .env.dev.user)', () => {
    expect([...listed].filter((n) => n.startsWith('SECRET_'))).toEqual([]);
    expect(documentedSecrets.size).toBe(4);
  });

  it('lists nothing that nobody uses', () => {
    const used = new Set(everyVariable());
    expect([...listed].filter((n) => !used.has(n))).toEqual([]);
  });
});

describe('app settings and the services that read them', () => {
  const settings = new Set([
    ...bicep('infra/modules/function-app.bicep').appSettings,
    ...bicep('infra/modules/bot-app.bicep').appSettings,
  ]);

  // A service whose sources do not exist yet reads no setting.
  function sourceFiles(dir: string): string[] {
    if (!existsSync(join(repoRoot, dir))) return [];
    return readdirSync(join(repoRoot, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .filter(
        (path) => !path.includes(`${join('src', 'testing')}`) && !dirname(path).includes('node_modules'),
      );
  }

  it('sets every TANDEM_* setting the API and the bot read in Azure', () => {
    const read = new Map<string, string>();
    for (const file of [...sourceFiles('api/src'), ...sourceFiles('bot/src')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(TANDEM_[A-Z0-9_]+)\b/g)) read.set(m[1]!, file);
    }
    // Settings that only exist on a developer machine: the local stack's ports and emulators.
    const localOnly = (name: string) => /^TANDEM_(AZURITE|EMULATOR|DEV|LOCAL)_|_PORT$/.test(name);
    const missing = [...read]
      .filter(([name]) => !settings.has(name) && !localOnly(name))
      .map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it('gives botbuilder the settings ConfigurationBotFrameworkAuthentication reads', () => {
    for (const name of [
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'MicrosoftAppType',
      'MicrosoftAppTenantId',
    ]) {
      expect(settings).toContain(name);
    }
  });
});
