import type { Db } from "@/db/client";

/**
 * A per-process value for each database handle (or open transaction), made on first use: caches, in-flight
 * reads shared by concurrent callers, group-commit queues. Keyed by the handle, so nothing crosses from one
 * database to another (tests open many). With `ttlMs` the value is made anew once it is that old.
 */
export interface PerDb<T, K extends object = Db> {
  (db: K): T;
  /** Forgets the value of `db`, or of every handle; the next call makes it anew. */
  invalidate(db?: K): void;
}

const all = new Set<{ invalidate(): void }>();

export function perDb<T, K extends object = Db>(create: (db: K) => T, options: { ttlMs?: number } = {}): PerDb<T, K> {
  let made = new WeakMap<K, { value: T; at: number }>();
  const { ttlMs } = options;
  const get = ((db: K) => {
    const held = made.get(db);
    if (held && (ttlMs === undefined || Date.now() - held.at < ttlMs)) return held.value;
    const value = create(db);
    made.set(db, { value, at: Date.now() });
    return value;
  }) as PerDb<T, K>;
  get.invalidate = (db?: K) => {
    if (db) made.delete(db);
    else made = new WeakMap();
  };
  all.add(get);
  return get;
}

/** Tests that change what a cache holds behind its back (settings written by hand) start from nothing. */
export function resetCachesForTests(): void {
  for (const cache of all) cache.invalidate();
}
