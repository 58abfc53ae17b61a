import { HttpRequest, InvocationContext } from '@azure/functions';
import fc from 'fast-check';
import { bookingRequestSchema } from '../contracts/bookings.js';
import { exampleBookingRequest, exampleSlotsQuery } from '../contracts/examples.js';
import { slotsQuerySchema } from '../contracts/slots.js';
import type { HttpFunction } from './definition.js';
import { invokeHttp, readBody, readQuery } from './http.js';
import type { Services } from './services.js';

// No handler here touches services; the wiring still asks for them.
const services = async () => ({}) as Services;
const parses: HttpFunction = {
  name: 'parses',
  trigger: { kind: 'http', methods: ['POST'], route: 'parses', authLevel: 'anonymous' },
  async handler(request) {
    const query = [...request.query.keys()].length > 0 ? readQuery(request, slotsQuerySchema) : undefined;
    const body = await readBody(request, bookingRequestSchema);
    return { status: 200, jsonBody: { query, body } };
  },
};

async function call(body: Uint8Array | string, query: Record<string, string> = {}) {
  const request = new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/parses',
    query,
    body: typeof body === 'string' ? { string: body } : { bytes: body },
  });
  const answer = await invokeHttp(parses, request, new InvocationContext({ invocationId: 'fuzz' }), services);
  return {
    status: answer.status ?? 200,
    body: answer.body ? (JSON.parse(String(answer.body)) as Record<string, unknown>) : undefined,
  };
}

describe('fuzzed requests through the wiring', () => {
  const isFieldProblem = (answer: { status: number; body?: Record<string, unknown> }) =>
    answer.status === 400 &&
    Array.isArray(answer.body?.errors) &&
    (answer.body.errors as { field: unknown }[]).every((e) => typeof e.field === 'string');

  it('answer any body with 200 or a 400 problem naming fields, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.uint8Array({ maxLength: 200 }),
        ),
        async (body) => {
          const answer = await call(body);
          expect(answer.status === 200 || isFieldProblem(answer)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answer a valid body with any field replaced, and any query, without a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(exampleBookingRequest)),
        fc.jsonValue(),
        fc.dictionary(fc.constantFrom(...Object.keys(exampleSlotsQuery), 'x'), fc.string()),
        async (key, value, query) => {
          const answer = await call(JSON.stringify({ ...exampleBookingRequest, [key]: value }), query);
          expect(answer.status === 200 || isFieldProblem(answer)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accepts the example request', async () => {
    expect((await call(JSON.stringify(exampleBookingRequest))).status).toBe(200);
  });
});
