import { openApiDocument } from './openapi.js';
import { operations } from './operations.js';

type Json = Record<string, unknown>;
const doc = openApiDocument() as Json & {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
};

function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') found.push(v);
      else refs(v, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every operation under its route and method', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const [name, operation] of Object.entries(operations)) {
      expect(doc.paths[`/api/${operation.route}`]?.[operation.method.toLowerCase()]?.operationId).toBe(name);
    }
  });

  it('resolves every $ref to a component schema', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(10);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)]).toBeDefined();
    }
  });

  it('describes the page body with its limits (multiples of 5 minutes, slug pattern)', () => {
    const page = doc.components.schemas.BookingPageInput as {
      properties: Record<string, Json>;
      required: string[];
    };
    expect(page.required).toEqual(expect.arrayContaining(['title', 'slug', 'durations', 'location']));
    expect(JSON.stringify(page.properties.durations)).toContain('"multipleOf":5');
    expect((page.properties.slug as Json).pattern).toBeDefined();
  });

  it('lists slots query parameters one by one, required where the contract requires them', () => {
    const slots = doc.paths['/api/public/pages/{pageId}/slots']!.get!.parameters as Json[];
    expect(slots.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      'path:pageId:true',
      'query:start:true',
      'query:end:true',
      'query:duration:true',
      'query:timeZone:true',
    ]);
  });

  it('answers every error as problem+json and asks public writes for an Idempotency-Key', () => {
    const book = doc.paths['/api/public/pages/{pageId}/bookings']!.post! as {
      responses: Record<string, Json>;
      parameters: Json[];
    };
    expect(Object.keys(book.responses)).toEqual(expect.arrayContaining(['201', '400', '409', '429', '500']));
    expect(JSON.stringify(book.responses['409'])).toContain('application/problem+json');
    expect(book.parameters.some((p) => p.name === 'Idempotency-Key' && p.required === true)).toBe(true);
  });

  it('secures bot operations with the bot application token scheme and host ones with the person’s', () => {
    const schemes = (doc.components as unknown as { securitySchemes: Record<string, Json> }).securitySchemes;
    expect(Object.keys(schemes)).toEqual(expect.arrayContaining(['entraId', 'tandemBot']));
    for (const [name, operation] of Object.entries(operations)) {
      const described = doc.paths[`/api/${operation.route}`]![operation.method.toLowerCase()]! as {
        security?: Record<string, string[]>[];
        responses: Record<string, Json>;
      };
      if (operation.access === 'bot') {
        expect([name, described.security]).toEqual([name, [{ tandemBot: ['Tandem.Bot'] }]]);
        expect(described.responses['403']).toBeDefined();
      }
      if (operation.access === 'host') expect(described.security).toEqual([{ entraId: ['access_as_user'] }]);
    }
    const approve = doc.paths['/api/bot/users/{userId}/bookings/{bookingId}/approve']!.post! as {
      responses: Record<string, Json>;
    };
    expect(approve.responses['409']).toBeDefined();
  });
});
