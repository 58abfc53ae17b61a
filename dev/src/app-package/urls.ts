/** Every http(s) URL in a manifest, with its JSON path. */
export function manifestUrls(value: unknown, path = ''): Array<{ path: string; url: string }> {
  if (typeof value === 'string')
    return /^https?:\/\//i.test(value) ? [{ path: path || '/', url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => manifestUrls(item, `${path}/${i}`));
  if (value && typeof value === 'object') {
    return (
      Object.entries(value)
        // `$schema` points at Microsoft's schema host, which the app never loads.
        .filter(([key]) => !(path === '' && key === '$schema'))
        .flatMap(([key, item]) => manifestUrls(item, `${path}/${key}`))
    );
  }
  return [];
}

/** Whether `host` (may carry a port) is matched by a validDomains entry, wildcards like `*.contoso.com` included. */
export function onValidDomain(host: string, validDomains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return validDomains.some((entry) => {
    const d = entry.toLowerCase();
    if (d.startsWith('*.')) return h.endsWith(d.slice(1)) && h.length > d.length - 1;
    return h === d;
  });
}

/** The manifest's URLs whose host is on no valid domain. */
export function urlsOffValidDomains(
  manifest: { validDomains?: string[] } & object,
): Array<{ path: string; url: string }> {
  const domains = manifest.validDomains ?? [];
  return manifestUrls(manifest).filter(({ url }) => !onValidDomain(new URL(url).host, domains));
}
