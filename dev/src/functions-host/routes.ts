/**
 * Functions route templates (`pages/{pageId}`, `files/{*path}`, `items/{id:int}`, `list/{page?}`)
 * matched against a path below `/api/`, case-insensitively as the runtime does for literals.
 */
export interface RouteMatcher {
  match(path: string): Record<string, string> | undefined;
}

const constraints: Record<string, string> = {
  int: '-?\\d+',
  long: '-?\\d+',
  bool: 'true|false',
  guid: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
  alpha: '[a-zA-Z]+',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileRoute(template: string): RouteMatcher {
  const names: string[] = [];
  let pattern = '';
  for (const segment of template.replace(/^\/+|\/+$/g, '').split('/')) {
    const parameter = /^\{(\*)?(\w+)(?::(\w+))?(\?)?\}$/.exec(segment);
    if (!parameter) {
      pattern += `/${escape(segment)}`;
      continue;
    }
    const [, catchAll, name, constraint, optional] = parameter;
    names.push(name!);
    const body = catchAll ? '.*' : (constraints[constraint ?? ''] ?? '[^/]+');
    pattern += optional || catchAll ? `(?:/(${body}))?` : `/(${body})`;
  }
  const regex = new RegExp(`^${pattern}/?$`, 'i');
  return {
    match(path) {
      const found = regex.exec(path);
      if (!found) return undefined;
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        const raw = found[i + 1];
        if (raw !== undefined) params[name] = decodeURIComponent(raw);
      });
      return params;
    },
  };
}
