import { operations } from '../contracts/operations.js';
import { functions } from './index.js';

describe('the function list', () => {
  it('gives every function a unique name', () => {
    const names = functions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('serves each HTTP function at a route and method the OpenAPI operations list', () => {
    const documented = new Set(Object.values(operations).map((o) => `${o.method} ${o.route}`));
    for (const f of functions) {
      if (f.trigger.kind !== 'http') continue;
      for (const method of f.trigger.methods) expect(documented).toContain(`${method} ${f.trigger.route}`);
    }
  });
});
