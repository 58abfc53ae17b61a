import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBicep } from './bicep.js';
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
} from './teamsapp.js';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const local = readTeamsAppYaml(repoRoot, 'teamsapp.local.yml');
const actions = STAGES.flatMap((stage) => local[stage] ?? []);
const template = parseEnvFile(read('env/.env.local'), 'env/.env.local');
/** The developer's dev-tunnel addresses: empty in the template, filled in before provisioning. */
const TUNNEL_ADDRESSES = ['TAB_ENDPOINT', 'TAB_DOMAIN', 'API_ENDPOINT', 'BOT_ENDPOINT'];

describe('teamsapp.local.yml (a developer machine against a real tenant)', () => {
  it('gives every action exactly the inputs and outputs its schema defines', () => {
    expect(local.version).toBe('v1.8');
    expect(actions.flatMap(contractProblems)).toEqual([]);
  });

  it('registers the bot with Bot Framework at the bot tunnel, and creates no Azure resources', () => {
    const uses = actions.map((a) => a.uses);
    expect(uses).not.toContain('arm/deploy');
    expect(actions.find((a) => a.uses === 'botFramework/create')?.with).toMatchObject({
      messagingEndpoint: '${{BOT_ENDPOINT}}/api/messages',
      channels: [{ name: 'msteams' }],
    });
  });

  it('gives every variable a value before the action that reads it runs', () => {
    const filled = [...template.values].filter(([, v]) => v !== '').map(([k]) => k);
    const available = new Set(['TEAMSFX_ENV', ...filled, ...TUNNEL_ADDRESSES]);
    const unresolved: string[] = [];
    for (const action of actions) {
      for (const name of variablesGeneratedBeforeReading(action)) available.add(name);
      for (const name of variablesReadBy(repoRoot, action)) {
        if (!available.has(name)) unresolved.push(`${action.uses} reads ${name}`);
      }
      for (const name of variablesWrittenBy(repoRoot, action)) available.add(name);
    }
    expect(unresolved).toEqual([]);
  });

  it('lists every variable in env/.env.local, secrets only as comments', () => {
    const names = new Set([
      ...placeholderNames(read('appPackage/manifest.json')),
      ...placeholderNames(read('infra/aad.manifest.json')),
      ...actions.flatMap((a) => [...variablesReadBy(repoRoot, a), ...variablesWrittenBy(repoRoot, a)]),
    ]);
    const documented = new Set(template.documented);
    const missing = [...names].filter(
      (n) => !(n.startsWith('SECRET_') ? documented : template.values).has(n),
    );
    expect(missing).toEqual([]);
    expect([...template.values.keys()].filter((n) => n.startsWith('SECRET_'))).toEqual([]);
  });

  it('writes the same TANDEM_* and Bot Framework settings the Azure apps get (storage aside: Azurite)', () => {
    const written = Object.keys(
      (local.deploy ?? []).find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')!.with!.envs as object,
    ).sort();
    const azure = new Set([
      ...parseBicep(read('infra/modules/function-app.bicep')).appSettings,
      ...parseBicep(read('infra/modules/bot-app.bicep')).appSettings,
    ]);
    const expected = [...azure]
      .filter((name) => /^(TANDEM_|Microsoft)/.test(name) && name !== 'TANDEM_STORAGE_CONNECTION_STRING')
      .sort();
    expect(written).toEqual(expected);
  });
});
