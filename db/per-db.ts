import type { Db } from "./client";

/**
 * One value per database handle, made on first use. Per-process state (caches, group-commit queues) is kept
 * this way so that it never crosses from one database to another (tests open many).
 */
export function perDb<T>(create: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) {
      value = create(db);
      made.set(db, value);
    }
    return value;
  };
}
