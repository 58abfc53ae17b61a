import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its plugin is the module itself or its `default`, depending on the loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** Graph's own v1.0 JSON Schemas, kept beside the repository in `shared/graph-schema/`. */
const schemaDir = new URL('../../../../../shared/graph-schema/', import.meta.url);

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

/** A validator for `<name>.schema.json` (subscription, changeNotificationCollection, …). */
export function graphSchema(name: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemaDir), 'utf8')) as {
    $id: string;
  };
  return ajv.getSchema(schema.$id) ?? ajv.compile(schema);
}
