import type { Db } from "@/db/client";
import { perDb } from "@/lib/cache/per-db";
import { referenceVersion } from "@/db/schema";

const MAX_ENTRIES = 5_000;

/**
 * What intake reads but rarely changes (units, unit codes, procedures, calendar, office hours), kept per
 * process at one version of the reference_version row. The intake statement itself checks that version,
 * so a change made by any process is never missed: the stale snapshot is dropped and the intake retried.
 */
export class IntakeReference {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(readonly version: number) {}

  /** The loader's answer for `key`, read once per version; "not found" (null) is not kept. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const known = this.memo.get(key) as Promise<T> | undefined;
    if (known) return known;
    if (this.memo.size >= MAX_ENTRIES) this.memo.clear();
    const loading = load();
    this.memo.set(key, loading);
    loading.then(
      (value) => value == null && this.memo.delete(key),
      () => this.memo.delete(key),
    );
    return loading;
  }
}

const current = perDb((db) => {
  const ref = db
    .select({ version: referenceVersion.version })
    .from(referenceVersion)
    .then(([row]) => new IntakeReference(Number(row?.version ?? -1)));
  ref.catch(() => current.invalidate(db));
  return ref;
});

export function intakeReference(db: Db): Promise<IntakeReference> {
  return current(db);
}

/** After an intake found `stale` out of date: the next call reads the version again. */
export async function dropIntakeReference(db: Db, stale: IntakeReference): Promise<void> {
  const ref = current(db);
  if ((await ref) === stale && current(db) === ref) current.invalidate(db);
}
