import fc from 'fast-check';
import { hoursFromNow, startApiStack, type ApiStack } from './api-stack.js';

let stack: ApiStack;
let host: Awaited<ReturnType<ApiStack['connectHost']>>;
let pageId: string;

beforeAll(async () => {
  stack = await startApiStack();
  host = await stack.connectHost({ upn: 'fuzz', name: 'Fuzz Host' });
  ({ id: pageId } = await stack.createPage(host.token, {
    slug: 'fuzz',
    questions: [{ id: 'pick', label: 'Pick', kind: 'choice', options: ['a', 'b'], required: true }],
  }));
});
afterAll(() => stack.stop());

/** Never a 5xx; every refusal is a problem document. */
function expectClientError(res: { status: number; headers: Headers; body: unknown }) {
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
}

const nearlyValid = fc.record(
  {
    name: fc.oneof(fc.string(), fc.constant('Ann'), fc.integer()),
    email: fc.oneof(fc.emailAddress(), fc.string(), fc.constant(null)),
    durationMinutes: fc.oneof(fc.constantFrom(30, 35, 0, -5, 1e9), fc.double(), fc.string()),
    start: fc.oneof(
      fc.constant(hoursFromNow(300)),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string(),
    ),
    timeZone: fc.oneof(fc.constantFrom('UTC', 'Asia/Kathmandu', 'Nowhere/Land', ''), fc.string()),
    answers: fc.oneof(
      fc.dictionary(fc.string(), fc.string()),
      fc.record({ pick: fc.constantFrom('a', 'c', '') }),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

describe('fuzzed public requests', () => {
  it('bookings with any body answer 2xx or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearlyValid, fc.anything(), fc.string()), fc.string(), async (body, key) => {
        const res = await stack.call('POST', `public/pages/${pageId}/bookings`, {
          headers: { 'idempotency-key': /^[\x21-\x7e]{8,200}$/.test(key) ? key : crypto.randomUUID() },
          body: typeof body === 'string' ? body : (JSON.stringify(body) ?? ''),
        });
        expectClientError(res);
      }),
      { numRuns: 80 },
    );
  });

  it('slot queries with any parameters answer 200 or a 4xx problem', async () => {
    const param = fc.oneof(
      fc.string(),
      fc.constantFrom(hoursFromNow(1), hoursFromNow(24 * 70), '30', '15', 'UTC', 'Europe/London'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { start: param, end: param, duration: param, timeZone: param, extra: param },
          { requiredKeys: [] },
        ),
        fc.oneof(fc.constant(pageId), fc.string()),
        async (query, page) => {
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          expectClientError(await stack.call('GET', `public/pages/${encodeURIComponent(page)}/slots?${qs}`));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('manage links of any shape answer 404, never more', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), async (token) => {
        const res = await stack.call('GET', `manage/${encodeURIComponent(token)}`);
        expectClientError(res);
        expect([400, 404]).toContain(res.status);
      }),
      { numRuns: 40 },
    );
  });
});

describe('fuzzed host requests', () => {
  it('page bodies answer 201 or a 4xx problem', async () => {
    const page = fc.record(
      {
        title: fc.oneof(fc.string(), fc.constant('T')),
        slug: fc.oneof(fc.string(), fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/)),
        durations: fc.oneof(fc.array(fc.integer({ min: -10, max: 600 })), fc.anything()),
        location: fc.oneof(fc.constant({ kind: 'teams' }), fc.record({ kind: fc.string() }), fc.anything()),
        rules: fc.oneof(
          fc.record({ bufferBeforeMinutes: fc.integer(), window: fc.anything() }, { requiredKeys: [] }),
          fc.anything(),
        ),
        team: fc.oneof(
          fc.record({
            kind: fc.constant('collective'),
            members: fc.array(fc.record({ userId: fc.string() })),
          }),
          fc.anything(),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(page, async (body) => {
        expectClientError(
          await stack.call('POST', 'pages', { token: host.token, body: JSON.stringify(body) ?? '' }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('booking list queries answer 200 or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { from: fc.string(), to: fc.string(), status: fc.string(), other: fc.string() },
          { requiredKeys: [] },
        ),
        async (query) => {
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          expectClientError(await stack.call('GET', `bookings?${qs}`, { token: host.token }));
        },
      ),
      { numRuns: 40 },
    );
  });
});
