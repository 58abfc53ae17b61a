import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its plugin is the module itself or its `default`, depending on the loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

export type GraphSchemaName =
  | 'event'
  | 'calendar'
  | 'user'
  | 'mailboxSettings'
  | 'workingHours'
  | 'subscription'
  | 'changeNotification'
  | 'changeNotificationCollection'
  | 'scheduleInformation'
  | 'scheduleItem';

/** A validator for Graph's v1.0 JSON Schema of `name` (the files beside this module). */
export function graphSchema(name: GraphSchemaName): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL(`./${name}.schema.json`, import.meta.url), 'utf8')) as {
    $id: string;
  };
  return ajv.getSchema(schema.$id) ?? ajv.compile(schema);
}

/** The validation errors of a body, empty when it conforms (readable in a failing expectation). */
export function schemaErrors(name: GraphSchemaName, body: unknown): string[] {
  const validate = graphSchema(name);
  return validate(body)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`.trim());
}
