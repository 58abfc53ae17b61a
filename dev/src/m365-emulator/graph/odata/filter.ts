import { GraphError } from '../../errors.js';

/**
 * A small OData `$filter` evaluator covering what calendar clients send:
 * comparisons (eq ne gt ge lt le) of property paths and literals, and / or / not, parentheses,
 * startswith / contains, and lambda `any` over collections, e.g.
 * `singleValueExtendedProperties/Any(ep: ep/id eq 'String {GUID} Name X' and ep/value eq 'v')`.
 */
export type FilterPredicate = (resource: Record<string, unknown>) => boolean;

type Token =
  | { kind: 'str'; value: string }
  | { kind: 'num'; value: number }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string };

type Node =
  | { type: 'literal'; value: unknown }
  | { type: 'path'; segments: string[] }
  | { type: 'compare'; op: string; left: Node; right: Node }
  | { type: 'logical'; op: 'and' | 'or'; left: Node; right: Node }
  | { type: 'not'; operand: Node }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'any'; collection: string[]; variable: string; body: Node };

const COMPARE = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const EXTENDED_ID = /^(string|integer|boolean|systime)\s+(\{[0-9a-f-]{36}\})\s+name\s+(.+)$/i;

function invalid(message: string): GraphError {
  return new GraphError(400, 'BadRequest', `Invalid filter clause: ${message}`);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw invalid('unterminated string literal.');
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += source[i++];
      }
      tokens.push({ kind: 'str', value });
    } else if ('(),:'.includes(c)) {
      tokens.push({ kind: 'punct', value: c });
      i++;
    } else {
      const m =
        /^(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?|-?\d+(?:\.\d+)?(?![\w-])|[A-Za-z_@$][\w@./$-]*)/.exec(
          source.slice(i),
        );
      if (!m) throw invalid(`unexpected '${c}' at position ${i}.`);
      const text = m[1]!;
      if (/^\d{4}-\d{2}-\d{2}T/.test(text)) tokens.push({ kind: 'str', value: text });
      else if (/^-?\d/.test(text)) tokens.push({ kind: 'num', value: Number(text) });
      else tokens.push({ kind: 'word', value: text });
      i += text.length;
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.or();
    if (this.pos < this.tokens.length) throw invalid(`unexpected '${String(this.tokens[this.pos]!.value)}'.`);
    return node;
  }

  private peekWord(word: string): boolean {
    const t = this.tokens[this.pos];
    return t?.kind === 'word' && t.value.toLowerCase() === word;
  }

  private expectPunct(p: string): void {
    const t = this.tokens[this.pos];
    if (t?.kind !== 'punct' || t.value !== p) throw invalid(`expected '${p}'.`);
    this.pos++;
  }

  private or(): Node {
    let left = this.and();
    while (this.peekWord('or')) {
      this.pos++;
      left = { type: 'logical', op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Node {
    let left = this.unary();
    while (this.peekWord('and')) {
      this.pos++;
      left = { type: 'logical', op: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    if (this.peekWord('not')) {
      this.pos++;
      return { type: 'not', operand: this.unary() };
    }
    const left = this.primary();
    const t = this.tokens[this.pos];
    if (t?.kind === 'word' && COMPARE.has(t.value.toLowerCase())) {
      this.pos++;
      return { type: 'compare', op: t.value.toLowerCase(), left, right: this.primary() };
    }
    return left;
  }

  private primary(): Node {
    const t = this.tokens[this.pos];
    if (!t) throw invalid('unexpected end of expression.');
    this.pos++;
    if (t.kind === 'punct' && t.value === '(') {
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    if (t.kind === 'str') return { type: 'literal', value: t.value };
    if (t.kind === 'num') return { type: 'literal', value: t.value };
    if (t.kind !== 'word') throw invalid(`unexpected '${t.value}'.`);
    const lower = t.value.toLowerCase();
    if (lower === 'true' || lower === 'false') return { type: 'literal', value: lower === 'true' };
    if (lower === 'null') return { type: 'literal', value: null };
    const next = this.tokens[this.pos];
    const segments = t.value.split('/');
    if (next?.kind === 'punct' && next.value === '(') {
      this.pos++;
      const last = segments[segments.length - 1]!.toLowerCase();
      if (last === 'any' && segments.length > 1) {
        const variable = this.tokens[this.pos];
        if (variable?.kind !== 'word') throw invalid('expected a lambda variable.');
        this.pos++;
        this.expectPunct(':');
        const body = this.or();
        this.expectPunct(')');
        return { type: 'any', collection: segments.slice(0, -1), variable: variable.value, body };
      }
      const args: Node[] = [];
      if (!(this.tokens[this.pos]?.kind === 'punct' && this.tokens[this.pos]!.value === ')')) {
        args.push(this.or());
        while (this.tokens[this.pos]?.kind === 'punct' && this.tokens[this.pos]!.value === ',') {
          this.pos++;
          args.push(this.or());
        }
      }
      this.expectPunct(')');
      return { type: 'call', name: lower, args };
    }
    return { type: 'path', segments };
  }
}

/** Extended property ids compare with type and GUID case-insensitive, the Name exactly. */
export function canonicalExtendedPropertyId(id: string): string {
  const m = EXTENDED_ID.exec(id.trim());
  return m ? `${m[1]!.toLowerCase()} ${m[2]!.toLowerCase()} name ${m[3]}` : id;
}

function comparable(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value.slice(0, 23)}Z`;
    const ms = Date.parse(zoned);
    if (!Number.isNaN(ms)) return ms;
  }
  return canonicalExtendedPropertyId(value);
}

function compare(op: string, a: unknown, b: unknown): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (typeof x === 'string' && typeof y === 'string' && (op === 'eq' || op === 'ne')) {
    // Extended property ids are already canonical (their Name is case-sensitive); other text is not.
    const same = EXTENDED_ID.test(x) && EXTENDED_ID.test(y) ? x === y : x.toLowerCase() === y.toLowerCase();
    return op === 'eq' ? same : !same;
  }
  switch (op) {
    case 'eq':
      return x === y;
    case 'ne':
      return x !== y;
    case 'gt':
      return x !== null && y !== null && (x as number) > (y as number);
    case 'ge':
      return x !== null && y !== null && (x as number) >= (y as number);
    case 'lt':
      return x !== null && y !== null && (x as number) < (y as number);
    default:
      return x !== null && y !== null && (x as number) <= (y as number);
  }
}

function resolve(scope: Map<string, unknown>, root: unknown, segments: string[]): unknown {
  let current: unknown = root;
  let rest = segments;
  if (scope.has(segments[0]!)) {
    current = scope.get(segments[0]!);
    rest = segments.slice(1);
  }
  for (const segment of rest) {
    if (current === null || typeof current !== 'object') return undefined;
    const obj = current as Record<string, unknown>;
    const key = Object.keys(obj).find((k) => k.toLowerCase() === segment.toLowerCase());
    current = key === undefined ? undefined : obj[key];
  }
  return current;
}

function evaluate(node: Node, root: unknown, scope: Map<string, unknown>): unknown {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'path':
      return resolve(scope, root, node.segments) ?? null;
    case 'compare':
      return compare(node.op, evaluate(node.left, root, scope), evaluate(node.right, root, scope));
    case 'logical':
      return node.op === 'and'
        ? Boolean(evaluate(node.left, root, scope)) && Boolean(evaluate(node.right, root, scope))
        : Boolean(evaluate(node.left, root, scope)) || Boolean(evaluate(node.right, root, scope));
    case 'not':
      return !evaluate(node.operand, root, scope);
    case 'call': {
      const [a, b] = node.args.map((arg) => evaluate(arg, root, scope));
      if (typeof a !== 'string' || typeof b !== 'string') return false;
      if (node.name === 'startswith') return a.toLowerCase().startsWith(b.toLowerCase());
      if (node.name === 'endswith') return a.toLowerCase().endsWith(b.toLowerCase());
      if (node.name === 'contains') return a.toLowerCase().includes(b.toLowerCase());
      throw invalid(`unknown function '${node.name}'.`);
    }
    case 'any': {
      const items = resolve(scope, root, node.collection);
      if (!Array.isArray(items)) return false;
      return items.some((item) =>
        Boolean(evaluate(node.body, root, new Map(scope).set(node.variable, item))),
      );
    }
  }
}

/** Compiles `$filter`; a syntax error is a 400 naming the problem. Null when there is no filter. */
export function compileFilter(expression: string | null): FilterPredicate | null {
  if (expression === null || expression.trim() === '') return null;
  const ast = new Parser(tokenize(expression)).parse();
  return (resource) => Boolean(evaluate(ast, resource, new Map()));
}
