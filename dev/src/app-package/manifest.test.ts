import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iconProblems } from './icon-checks.js';
import { newestBundledManifestVersion, validateManifestOffline } from './manifest-schema.js';
import { fillJsonPlaceholders, placeholderNames } from './placeholders.js';
import { SAMPLE_VARIABLES } from './testing/sample-values.js';
import { repoRoot } from './testing/repo.js';
import { urlsOffValidDomains, manifestUrls } from './urls.js';

const template = readFileSync(join(repoRoot, 'appPackage', 'manifest.json'), 'utf8');
const variables = new Map(Object.entries(SAMPLE_VARIABLES));

interface RibbonControl {
  id: string;
  label: string;
  actionId: string;
  icons: Array<{ size: number; url: string }>;
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  staticTabs: Array<{ entityId: string; contentUrl?: string; scopes: string[] }>;
  bots: Array<{
    botId: string;
    scopes: string[];
    commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }>;
  }>;
  extensions: Array<{
    requirements: { scopes: string[] };
    runtimes: Array<{ id: string; code: { page: string }; actions: Array<{ id: string; type: string }> }>;
    ribbons: Array<{
      contexts: string[];
      tabs: Array<{ groups: Array<{ icons: RibbonControl['icons']; controls: RibbonControl[] }> }>;
    }>;
  }>;
  authorization: { permissions: { resourceSpecific: Array<{ name: string; type: string }> } };
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
}

function filled(): Manifest {
  return JSON.parse(fillJsonPlaceholders(template, variables, 'manifest')) as Manifest;
}

describe('appPackage/manifest.json', () => {
  it('uses only variables the sample environment provides', () => {
    expect(placeholderNames(template).sort()).toEqual(Object.keys(SAMPLE_VARIABLES).sort());
  });

  it('declares the newest manifest version that @microsoft/app-manifest ships, with its schema URL', () => {
    const manifest = filled();
    expect(manifest.manifestVersion).toBe(newestBundledManifestVersion());
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('validates against the official schema, offline', async () => {
    expect(await validateManifestOffline(filled())).toEqual([]);
  });

  it('would fail validation if the bot id were not a GUID (the schema check is live)', async () => {
    const broken = filled();
    broken.bots[0]!.botId = 'not-a-guid';
    const errors = await validateManifestOffline(broken);
    expect(errors.some((e) => e.startsWith('/bots/0/botId'))).toBe(true);
  });

  it('gives the same verdicts as ManifestUtil.validateManifestAgainstSchema of @microsoft/app-manifest', async () => {
    const broken = filled();
    broken.bots[0]!.botId = 'not-a-guid';
    const result = spawnSync(
      process.execPath,
      ['--conditions=tandem-source', '--import', 'tsx', 'dev/src/app-package/testing/manifest-util-check.ts'],
      { cwd: repoRoot, input: JSON.stringify([filled(), broken]), encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const [valid, invalid] = JSON.parse(result.stdout) as string[][];
    expect(valid).toEqual([]);
    expect(invalid).toEqual(await validateManifestOffline(broken));
  });

  it('puts every URL on a valid domain, and only the tab domain is valid', () => {
    const manifest = filled();
    expect(manifest.validDomains).toEqual([SAMPLE_VARIABLES.TAB_DOMAIN]);
    expect(manifestUrls(manifest).length).toBeGreaterThan(10);
    expect(urlsOffValidDomains(manifest)).toEqual([]);
  });

  it('has a personal tab for the host views at <TAB_ENDPOINT>/tab.html', () => {
    const tab = filled().staticTabs.find((t) => t.contentUrl);
    expect(tab).toMatchObject({
      contentUrl: `${SAMPLE_VARIABLES.TAB_ENDPOINT}/tab.html`,
      scopes: ['personal'],
    });
  });

  it('has the bot in personal, team and group chats with book, my bookings, cancel and help', () => {
    const [bot] = filled().bots;
    expect(bot!.botId).toBe(SAMPLE_VARIABLES.BOT_ID);
    expect(bot!.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const list = bot!.commandLists[0]!;
    expect(list.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(list.commands.map((c) => c.title)).toEqual(['book', 'my bookings', 'cancel', 'help']);
  });

  it('opens the task pane from a "Tandem" button in mail read and in mail compose', () => {
    const [extension] = filled().extensions;
    expect(extension!.requirements.scopes).toEqual(['mail']);
    const actions = new Map(
      extension!.runtimes.flatMap((r) =>
        r.actions.map((a) => [a.id, { type: a.type, page: r.code.page }] as const),
      ),
    );
    const contexts = extension!.ribbons.flatMap((ribbon) =>
      ribbon.tabs.flatMap((tab) =>
        tab.groups.flatMap((group) =>
          group.controls.map((control) => ({
            contexts: ribbon.contexts,
            control,
            action: actions.get(control.actionId),
          })),
        ),
      ),
    );
    expect(contexts.flatMap((c) => c.contexts).sort()).toEqual(['mailCompose', 'mailRead']);
    for (const { control, action } of contexts) {
      expect(control.label).toBe('Tandem');
      expect(action).toEqual({ type: 'openPage', page: `${SAMPLE_VARIABLES.TAB_ENDPOINT}/taskpane.html` });
    }
  });

  it('gives every ribbon group and button 16, 32 and 80 px icons that exist in appPackage/assets at that size', () => {
    const [extension] = filled().extensions;
    const iconSets = extension!.ribbons.flatMap((r) =>
      r.tabs.flatMap((t) => t.groups.flatMap((g) => [g.icons, ...g.controls.map((c) => c.icons)])),
    );
    expect(iconSets.length).toBe(4);
    for (const icons of iconSets) {
      expect(icons.map((i) => i.size)).toEqual([16, 32, 80]);
      for (const icon of icons) {
        const path = icon.url.slice(SAMPLE_VARIABLES.TAB_ENDPOINT!.length + 1);
        expect(path).toBe(`assets/tandem-${icon.size}.png`);
        expect(
          iconProblems(path, readFileSync(join(repoRoot, 'appPackage', path)), { size: icon.size }),
        ).toEqual([]);
      }
    }
  });

  it('asks Outlook for read/write access to the current item only (insert into the message being written)', () => {
    expect(filled().authorization.permissions.resourceSpecific).toEqual([
      { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
    ]);
  });

  it('declares SSO with the API app and the Application ID URI on the tab domain', () => {
    expect(filled().webApplicationInfo).toEqual({
      id: SAMPLE_VARIABLES.AAD_APP_CLIENT_ID,
      resource: `api://${SAMPLE_VARIABLES.TAB_DOMAIN}/${SAMPLE_VARIABLES.AAD_APP_CLIENT_ID}`,
    });
  });
});
