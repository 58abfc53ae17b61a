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

export function readTeamsAppYaml(root: string): TeamsAppYaml {
  return parse(readFileSync(join(root, 'teamsapp.yml'), 'utf8')) as TeamsAppYaml;
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
