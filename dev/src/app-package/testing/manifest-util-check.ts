// Validates manifests with @microsoft/app-manifest's own ManifestUtil (the library entry point, which
// jest cannot load): reads a JSON array of manifests on stdin, prints a JSON array of error lists.
import { ManifestUtil, type TeamsAppManifest } from '@microsoft/app-manifest';
import { readFileSync } from 'node:fs';
import { bundledManifestSchema } from '../manifest-schema.js';

const manifests = JSON.parse(readFileSync(0, 'utf8')) as TeamsAppManifest[];
const results = await Promise.all(
  manifests.map((manifest) =>
    ManifestUtil.validateManifestAgainstSchema(
      manifest,
      bundledManifestSchema(manifest.manifestVersion) as Parameters<
        typeof ManifestUtil.validateManifestAgainstSchema<TeamsAppManifest>
      >[1],
    ),
  ),
);
console.log(JSON.stringify(results));
