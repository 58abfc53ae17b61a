// A small reader of the Bicep declarations that tie files together (params, outputs, modules and
// their params, `module.outputs.x` references). No Bicep compiler can be installed offline, so the
// tests use this to catch a renamed parameter or output before a real deployment would.

export interface BicepParam {
  hasDefault: boolean;
  secure: boolean;
}

export interface BicepModule {
  symbol: string;
  /** Path as written, relative to the declaring file. */
  path: string;
  /** Keys of its `params: { ... }` block. */
  params: string[];
}

export interface BicepFile {
  params: Map<string, BicepParam>;
  outputs: Set<string>;
  modules: BicepModule[];
  /** Every `symbol.outputs.name` the file reads. */
  outputReads: Array<{ symbol: string; output: string }>;
  /** App settings set in `appSettings: [ { name: 'X', ... } ]` arrays. */
  appSettings: string[];
}

/** Removes `//` comments, leaving `//` inside single-quoted strings (URLs) alone. */
export function stripLineComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" && line[i - 1] !== '\\') inString = !inString;
    else if (!inString && c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

function braceDelta(line: string): number {
  let delta = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" && line[i - 1] !== '\\') inString = !inString;
    // `${...}` interpolation braces are balanced inside the string; only count structural ones.
    else if (!inString && c === '{') delta++;
    else if (!inString && c === '}') delta--;
  }
  return delta;
}

export function parseBicep(text: string): BicepFile {
  const lines = text.split(/\r?\n/).map(stripLineComment);
  const file: BicepFile = {
    params: new Map(),
    outputs: new Set(),
    modules: [],
    outputReads: [],
    appSettings: [],
  };
  let decorators: string[] = [];
  let depth = 0;
  let module: BicepModule | null = null;
  let paramsDepth = -1;

  for (const line of lines) {
    const trimmed = line.trim();
    if (depth === 0) {
      if (trimmed.startsWith('@')) {
        decorators.push(trimmed);
      } else if (trimmed !== '') {
        const param = /^param\s+([A-Za-z_]\w*)\s+\S+?(\s*=.*)?$/.exec(trimmed);
        const output = /^output\s+([A-Za-z_]\w*)\s+/.exec(trimmed);
        const mod = /^module\s+([A-Za-z_]\w*)\s+'([^']+)'\s*=/.exec(trimmed);
        if (param) {
          file.params.set(param[1]!, {
            hasDefault: param[2] !== undefined,
            secure: decorators.some((d) => d.startsWith('@secure(')),
          });
        }
        if (output) file.outputs.add(output[1]!);
        if (mod) {
          module = { symbol: mod[1]!, path: mod[2]!, params: [] };
          file.modules.push(module);
        }
        decorators = [];
      }
    } else if (module) {
      if (paramsDepth < 0 && /^params\s*:\s*\{/.test(trimmed)) {
        paramsDepth = depth + 1;
      } else if (depth === paramsDepth) {
        const key = /^([A-Za-z_]\w*)\s*:/.exec(trimmed);
        if (key) module.params.push(key[1]!);
      }
    }

    for (const m of line.matchAll(/\b([A-Za-z_]\w*)\.outputs\.([A-Za-z_]\w*)/g)) {
      file.outputReads.push({ symbol: m[1]!, output: m[2]! });
    }
    for (const m of line.matchAll(/\{\s*name:\s*'([^']+)'\s*,\s*value:/g)) file.appSettings.push(m[1]!);

    depth += braceDelta(line);
    if (paramsDepth >= 0 && depth < paramsDepth) paramsDepth = -1;
    if (depth === 0) module = null;
  }
  return file;
}
