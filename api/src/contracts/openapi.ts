import { z } from 'zod';
import { idempotencyKeySchema } from './bookings.js';
import { operations, type Operation } from './operations.js';
import { problemSchema } from './problem.js';

type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

/**
 * Named schemas (zod `.meta({ id })`) become `components.schemas`. A request schema and an answer
 * schema of the same name differ where defaults apply (optional in, always present out), so answer
 * versions of names also used by requests get an `Output` suffix.
 */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly inputNames = new Set<string>();

  /** A schema whose named parts are moved to the components and referenced from there. */
  add(schema: z.ZodType, io: Io): JsonSchema {
    const {
      $schema: _dialect,
      $defs = {},
      ...root
    } = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      unrepresentable: 'any',
      io,
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const finalName = (name: string) =>
      io === 'output' && this.inputNames.has(name) ? `${name}Output` : name;
    const relink = (value: JsonSchema): JsonSchema =>
      JSON.parse(
        JSON.stringify(value).replace(
          /"#\/\$defs\/([^"]+)"/g,
          (_m, name: string) => `"#/components/schemas/${finalName(name)}"`,
        ),
      ) as JsonSchema;
    for (const [name, def] of Object.entries($defs)) {
      if (io === 'input') this.inputNames.add(name);
      this.schemas[finalName(name)] = relink(def);
    }
    return relink(root);
  }

  /** The schema a `$ref` points at (for query parameters, which OpenAPI lists one by one). */
  resolve(schema: JsonSchema): JsonSchema {
    const ref = schema.$ref;
    return typeof ref === 'string'
      ? (this.schemas[ref.replace('#/components/schemas/', '')] ?? schema)
      : schema;
  }
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function parameters(operation: Operation, components: Components): JsonSchema[] {
  const params: JsonSchema[] = [...operation.route.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (operation.query) {
    const query = components.resolve(components.add(operation.query, 'input')) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      params.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  if (operation.idempotent) {
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      schema: components.add(idempotencyKeySchema, 'input'),
    });
  }
  if (operation.ifMatch)
    params.push({ name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } });
  return params;
}

/** The OpenAPI 3.1 document of the API, generated from the zod contracts. */
export function openApiDocument(options: { serverUrl?: string } = {}): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const components = new Components();
  const all = Object.entries(operations) as [string, Operation][];
  // Requests first, so answers know which names requests use.
  const requestSchemas = new Map<string, JsonSchema>();
  for (const [name, operation] of all) {
    if (operation.body) requestSchemas.set(name, components.add(operation.body, 'input'));
  }
  const parametersOf = new Map(all.map(([name, operation]) => [name, parameters(operation, components)]));
  const problem = components.add(problemSchema, 'output');
  for (const [name, operation] of all) {
    const path = `/api/${operation.route}`;
    const answer = operation.answer;
    const responses: Record<string, JsonSchema> = {
      [answer.status]:
        answer.status === 204
          ? { description: 'Done.' }
          : {
              description: operation.summary,
              content: {
                [answer.contentType ?? 'application/json']: {
                  schema: answer.schema ? components.add(answer.schema, 'output') : {},
                },
              },
            },
      400: problemResponse('A field is not valid; `errors` names each one.'),
      500: problemResponse('Something failed on our side.'),
    };
    if (operation.access === 'host' || operation.access === 'bot') {
      responses[401] = problemResponse('Missing, expired or invalid credentials.');
      responses[403] = problemResponse(
        operation.access === 'bot'
          ? "Not the bot's application token with the Tandem.Bot role."
          : "Not a signed-in person's token (application tokens cannot call this).",
      );
    } else if (operation.access !== 'none')
      responses[401] = problemResponse('Missing, expired or invalid credentials.');
    if (operation.route.includes('{')) responses[404] = problemResponse('Not found (or not yours).');
    if (operation.ifMatch) responses[412] = problemResponse('Changed since it was read; reload and retry.');
    if (name === 'book' || name.endsWith('eschedule'))
      responses[409] = problemResponse('That time was just taken.');
    if (/^(bot)?(approve|decline)$/i.test(name))
      responses[409] = problemResponse('Already decided: the detail states the booking’s current state.');
    if (operation.access === 'none')
      responses[429] = problemResponse('Too many requests; retry after Retry-After seconds.');
    paths[path] ??= {};
    paths[path][operation.method.toLowerCase()] = {
      operationId: name,
      summary: operation.summary,
      ...(operation.access === 'host' && { security: [{ entraId: ['access_as_user'] }] }),
      ...(operation.access === 'bot' && { security: [{ tandemBot: ['Tandem.Bot'] }] }),
      parameters: parametersOf.get(name),
      ...(operation.body && {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: requestSchemas.get(name) } },
        },
      }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tandem API',
      version: '1.0.0',
      description: 'Booking pages and bookings inside Microsoft 365. Every error is RFC 9457 problem+json.',
    },
    ...(options.serverUrl && { servers: [{ url: options.serverUrl }] }),
    paths,
    components: {
      schemas: { ...components.schemas, Problem: problem },
      securitySchemes: {
        entraId: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Microsoft Entra ID access token for the API (scope access_as_user).',
        },
        tandemBot: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The Teams bot’s Microsoft Entra ID application token for the API (client credentials, scope `{API identifier URI}/.default`), carrying the app role Tandem.Bot, issued to the configured bot app (TANDEM_BOT_APP_ID).',
        },
      },
    },
  };
}
