import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupCommit } from "@/db/group-commit";
import { perDb } from "@/lib/cache/per-db";
import { executePrepared } from "@/db/prepared";

export interface GateHit {
  keyId: number;
  windowStart: Date;
}

/** The key as it stands now, and the request's place in its rate window; null when revoked or its unit closed. */
export type GatePass = {
  unitId: number;
  unitPath: string;
  scopes: string[];
  lastUsedAt: Date | null;
  count: number;
} | null;

// Instants travel as epoch milliseconds: drivers differ in how they hand back timestamps from db.execute.
interface GateRow {
  key_id: number;
  window_ms: string;
  unit_id: number;
  path: string;
  scopes: string[];
  last_used_ms: string | null;
  count: number;
  n: number;
}

const windowKey = (keyId: number, startMs: number | string) => `${keyId}|${Number(startMs)}`;

/**
 * Every request checks its key (not revoked, unit active) and counts against the key's rate window. Requests
 * arriving together do both in one statement (group commit): a busy key's counter row is then updated once
 * per round trip, not once per request with each waiting for the previous one's commit.
 */
async function passGate(db: Db, hits: GateHit[]): Promise<GatePass[]> {
  const hitRows = hits.map((h) => ({ key_id: h.keyId, window_start: h.windowStart }));
  const result = await executePrepared<GateRow>(
    db,
    sql`
    with hits as (
      select x.key_id, x.window_start, count(*)::int as n
      from jsonb_to_recordset(${JSON.stringify(hitRows)}::jsonb) as x(key_id int, window_start timestamptz)
      group by 1, 2
    ),
    live as (
      select h.key_id, h.window_start, h.n, k.unit_id, u.path, k.scopes, k.last_used_at
      from hits h join api_keys k on k.id = h.key_id join units u on u.id = k.unit_id
      where k.revoked_at is null and u.active
    ),
    counted as (
      insert into rate_limits (key, window_start, count)
      select 'apikey:' || key_id, window_start, n from live order by 1, 2
      on conflict (key, window_start) do update set count = rate_limits.count + excluded.count
      returning key, window_start, count
    )
    select l.key_id, (extract(epoch from l.window_start) * 1000)::bigint::text as window_ms, l.n, l.unit_id, l.path,
      l.scopes,
           (extract(epoch from l.last_used_at) * 1000)::bigint::text as last_used_ms, c.count
    from live l join counted c on c.key = 'apikey:' || l.key_id and c.window_start = l.window_start`,
  );
  const rows = new Map(result.map((r) => [windowKey(r.key_id, r.window_ms), { ...r, handed: 0 }]));
  return hits.map((hit) => {
    const row = rows.get(windowKey(hit.keyId, hit.windowStart.getTime()));
    if (!row) return null;
    // The window's count after this batch, less the hits of this batch still to come.
    const count = Number(row.count) - Number(row.n) + ++row.handed;
    return {
      unitId: row.unit_id,
      unitPath: row.path,
      scopes: row.scopes,
      lastUsedAt: row.last_used_ms == null ? null : new Date(Number(row.last_used_ms)),
      count,
    };
  });
}

const gateOf = perDb((db) => groupCommit((hits: GateHit[]) => passGate(db, hits), { maxInFlight: 2 }));

export function keyGate(db: Db, hit: GateHit): Promise<GatePass> {
  return gateOf(db)(hit);
}
