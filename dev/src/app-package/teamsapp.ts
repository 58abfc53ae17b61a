// Reads teamsapp.yml the way Teams Toolkit runs it: stages of actions, each reading ${{VARS}} and
// writing some back to the environment. Used to check, without Azure or the toolkit, that every
// variable an action reads exists by the time it runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseBicep } from './bicep.js';
import { GENERATED_SETTINGS } from './generated-settings.js';
import { placeholderNames } from './placeholders.js';

export interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  writeToEnvironmentFile?: Record<string, string>;
}

export interface TeamsAppYaml {
  version: string;
  environmentFolderPath?: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

export const STAGES = ['provision', 'deploy', 'publish'] as const;

/** `teamsapp.yml` (Azure) or `teamsapp.local.yml` (a developer machine against a real tenant). */
export function readTeamsAppYaml(root: string, file = 'teamsapp.yml'): TeamsAppYaml {
  return parse(readFileSync(join(root, file), 'utf8')) as TeamsAppYaml;
}

/** Files an action hands to the toolkit, whose ${{VARS}} the toolkit fills in while running it. */
export function filesReadBy(action: Action): string[] {
  const w = action.with ?? {};
  switch (action.uses) {
    case 'arm/deploy':
      return ((w.templates as Array<{ parameters?: string }>) ?? []).flatMap((t) =>
        t.parameters ? [t.parameters] : [],
      );
    case 'aadApp/update':
    case 'teamsApp/validateManifest':
    case 'teamsApp/zipAppPackage':
      return [String(w.manifestPath)];
    default:
      return [];
  }
}

/** Every variable an action reads: in its own text and in the files it renders. */
export function variablesReadBy(root: string, action: Action): string[] {
  const own = placeholderNames(JSON.stringify({ with: action.with ?? {}, env: action.env ?? {} }));
  const fromFiles = filesReadBy(action).flatMap((file) =>
    placeholderNames(readFileSync(join(root, file), 'utf8')),
  );
  return [...new Set([...own, ...fromFiles])];
}

/** Every variable an action writes to the environment. */
export function variablesWrittenBy(root: string, action: Action): string[] {
  const written = Object.values(action.writeToEnvironmentFile ?? {});
  if (action.uses === 'arm/deploy') {
    for (const t of (action.with?.templates as Array<{ path: string }>) ?? []) {
      written.push(...parseBicep(readFileSync(join(root, t.path), 'utf8')).outputs);
    }
  }
  written.push(...variablesGeneratedBeforeReading(action));
  if (action.uses === 'script' && String(action.with?.run).includes('generate-settings.ts')) {
    written.push(...Object.keys(GENERATED_SETTINGS));
  }
  return written;
}

/** Variables an action creates for itself when they are empty, before rendering its files. */
export function variablesGeneratedBeforeReading(action: Action): string[] {
  // aadApp/update generates the access_as_user scope id when the manifest uses it and it is empty.
  return action.uses === 'aadApp/update' ? ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] : [];
}

/** What each action used here accepts (teamsapp.yml schema v1.8): required and optional keys. */
interface ActionContract {
  with: { required: string[]; optional?: string[] };
  writes?: { required: string[]; optional?: string[] };
}

export const ACTION_CONTRACTS: Readonly<Record<string, ActionContract>> = {
  'teamsApp/create': { with: { required: ['name'] }, writes: { required: ['teamsAppId'] } },
  'aadApp/create': {
    with: {
      required: ['name', 'generateClientSecret', 'signInAudience'],
      optional: ['serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription'],
    },
    writes: {
      required: ['clientId', 'objectId'],
      optional: ['clientSecret', 'tenantId', 'authority', 'authorityHost'],
    },
  },
  'aadApp/update': { with: { required: ['manifestPath', 'outputFilePath'] } },
  'botAadApp/create': { with: { required: ['name'] }, writes: { required: ['botId', 'botPassword'] } },
  'arm/deploy': {
    with: { required: ['subscriptionId', 'resourceGroupName', 'templates'], optional: ['bicepCliVersion'] },
  },
  'azureStorage/enableStaticWebsite': {
    with: { required: ['storageResourceId'], optional: ['indexPage', 'errorPage'] },
  },
  'teamsApp/validateManifest': { with: { required: ['manifestPath'] } },
  'teamsApp/zipAppPackage': { with: { required: ['manifestPath', 'outputZipPath', 'outputFolder'] } },
  'teamsApp/validateAppPackage': { with: { required: ['appPackagePath'] } },
  'teamsApp/update': { with: { required: ['appPackagePath'] } },
  'teamsApp/extendToM365': {
    with: { required: ['appPackagePath'] },
    writes: { required: ['titleId', 'appId'] },
  },
  'teamsApp/publishAppPackage': {
    with: { required: ['appPackagePath'] },
    writes: { required: ['publishedAppId'] },
  },
  'botFramework/create': {
    with: {
      required: ['botId', 'name', 'messagingEndpoint'],
      optional: ['description', 'iconUrl', 'channels'],
    },
  },
  'file/createOrUpdateEnvironmentFile': { with: { required: ['envs', 'target'] } },
  script: { with: { required: ['run'], optional: ['workingDirectory', 'shell', 'timeout', 'redirectTo'] } },
  'cli/runNpmCommand': { with: { required: ['args'], optional: ['workingDirectory'] } },
  'azureFunctions/zipDeploy': {
    with: {
      required: ['artifactFolder', 'resourceId'],
      optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
    },
  },
  'azureAppService/zipDeploy': {
    with: {
      required: ['artifactFolder', 'resourceId'],
      optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
    },
  },
  'azureStorage/deploy': {
    with: { required: ['artifactFolder', 'resourceId'], optional: ['workingDirectory', 'ignoreFile'] },
  },
};

/** How an action departs from its contract, as sentences; empty when it is well formed. */
export function contractProblems(action: Action): string[] {
  const contract = ACTION_CONTRACTS[action.uses];
  if (!contract) return [`${action.uses} is not an action Tandem's teamsapp.yml knows`];
  const problems: string[] = [];
  const check = (
    what: string,
    given: Record<string, unknown> | undefined,
    rule?: { required: string[]; optional?: string[] },
  ) => {
    const keys = Object.keys(given ?? {});
    if (!rule) {
      if (keys.length > 0) problems.push(`${action.uses} takes no ${what}`);
      return;
    }
    for (const key of rule.required)
      if (!keys.includes(key)) problems.push(`${action.uses} needs ${what}.${key}`);
    for (const key of keys) {
      if (!rule.required.includes(key) && !(rule.optional ?? []).includes(key))
        problems.push(`${action.uses} has unknown ${what}.${key}`);
    }
  };
  check('with', action.with, contract.with);
  check('writeToEnvironmentFile', action.writeToEnvironmentFile, contract.writes);
  for (const [key, name] of Object.entries(action.writeToEnvironmentFile ?? {})) {
    const secret = key === 'clientSecret' || key === 'botPassword';
    if (!(secret ? /^SECRET_[A-Z0-9_]+$/ : /^[A-Z][A-Z0-9_]*$/).test(name)) {
      problems.push(
        `${action.uses} writes ${key} to "${name}", which must be ${secret ? 'SECRET_UPPER_CASE' : 'UPPER_CASE'}`,
      );
    }
  }
  return problems;
}
