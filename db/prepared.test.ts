import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { executePrepared } from "./prepared";
import { useTestDb } from "./testing";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterAll(() => h.close());

it(
  "runs a parameterised statement and answers its rows, " + "the same on every run (prepared once on PostgreSQL)",
  async () => {
    for (const n of [1, 2, 3]) {
      const rows = await executePrepared<{ x: number; label: string }>(
        h.db,
        sql`select ${n}::int + 1 as x, ${`lần ${n}`}::text as label`,
      );
      expect(rows.map((r) => ({ x: Number(r.x), label: r.label }))).toEqual([{ x: n + 1, label: `lần ${n}` }]);
    }
  },
);
