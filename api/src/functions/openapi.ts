import { openApiDocument } from '../contracts/openapi.js';
import { operations } from '../contracts/operations.js';
import type { HttpFunction } from './definition.js';

let cached: string | undefined;

/** `GET /api/openapi.json`: the OpenAPI 3.1 document generated from the contracts. */
export const openapi: HttpFunction = {
  name: 'openapi',
  trigger: {
    kind: 'http',
    methods: [operations.openapi.method],
    route: operations.openapi.route,
    authLevel: 'anonymous',
  },
  async handler() {
    cached ??= JSON.stringify(openApiDocument({ serverUrl: '/' }));
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
      body: cached,
    };
  },
};
