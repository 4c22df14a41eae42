/** A small cache of promises by key, with an age limit and a capacity: concurrent callers of a missing key share one computation. */
/** A computed result is made again from the rows held after this long (the rows follow the data version). */
const CACHE_TTL_MS = 5 * 60_000;
const CACHE_CAPACITY = 32;

interface CacheEntry<T> {
  at: number;
  value: Promise<T>;
}

export class PromiseCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();

  /** The entry of a key when it is held and young enough, without computing anything. */
  peek(key: string): Promise<T> | undefined {
    const hit = this.entries.get(key);
    return hit && Date.now() - hit.at < CACHE_TTL_MS ? hit.value : undefined;
  }

  /** Holds a value computed elsewhere under its key. */
  set(key: string, value: Promise<T>): void {
    this.entries.delete(key);
    this.entries.set(key, { at: Date.now(), value });
    this.evict();
  }

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < CACHE_TTL_MS) {
      // Refresh the position: the map's order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    this.entries.set(key, { at: now, value });
    value.catch(() => this.entries.delete(key));
    this.evict();
    return value;
  }

  private evict(): void {
    while (this.entries.size > CACHE_CAPACITY) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Forgets the entries whose key the test keeps (a district's results of older versions). */
  forget(test: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (test(key)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
