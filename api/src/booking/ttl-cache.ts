/**
 * A per-instance memory of read-mostly records (pages, host settings) for a short time: a public
 * page view then costs no storage round trip for them. Writes made through this instance forget the
 * entry at once; writes made elsewhere show after at most `ttlMs`.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => Date,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.clock().getTime();
    const known = this.entries.get(key);
    if (known && now - known.at < this.ttlMs) return known.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    this.entries.set(key, { value, at: now });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
