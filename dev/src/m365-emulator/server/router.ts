import type { HttpRoute } from './http-types.js';

interface CompiledRoute<R> {
  method: string;
  regex: RegExp;
  names: string[];
  route: R;
}

export interface RouteMatch<R> {
  route: R;
  params: Record<string, string>;
}

/**
 * Method + path-pattern matching. Patterns use ":name" for one segment and "*name" for the rest of
 * the path; matching is case-insensitive on literal segments because Graph's URLs are.
 */
export class Router<R extends { method: string; path: string }> {
  private readonly compiled: CompiledRoute<R>[] = [];

  constructor(routes: readonly R[] = []) {
    for (const r of routes) this.add(r);
  }

  add(route: R): void {
    const names: string[] = [];
    const source = route.path
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          return '([^/]+)';
        }
        if (segment.startsWith('*')) {
          names.push(segment.slice(1));
          return '(.*)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.compiled.push({ method: route.method, regex: new RegExp(`^${source}/?$`, 'i'), names, route });
  }

  /** The first route whose pattern matches; `methodMismatch` tells a 405 from a 404. */
  match(method: string, path: string): { found: RouteMatch<R> } | { found: null; methodMismatch: boolean } {
    let methodMismatch = false;
    for (const c of this.compiled) {
      const m = c.regex.exec(path);
      if (!m) continue;
      if (c.method !== method) {
        methodMismatch = true;
        continue;
      }
      const params: Record<string, string> = {};
      c.names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1] ?? '');
      });
      return { found: { route: c.route, params } };
    }
    return { found: null, methodMismatch };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export type { HttpRoute };
