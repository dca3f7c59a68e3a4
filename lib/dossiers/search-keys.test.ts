import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type DbHandle, executedRows } from "@/db/client";
import { dossierSearch, dossierSearchKeys } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { seedTestOrg } from "@/lib/testing";
import { receiveDossier } from "./receive";
import { apiCtxOf, seedTestProcedures } from "./testing";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterAll(() => h.close());

async function keys(text: string): Promise<string[]> {
  const rows = executedRows<{ keys: string[] }>(await h.db.execute(sql`select dossier_search_keys(${text}) as keys`));
  return [...rows[0].keys].sort();
}

it("keys a dossier by the tail of each part from each word and each piece of a hyphenated word", async () => {
  expect(await keys("h27.37-250812-0001 | nguyen van an | 84912345678")).toEqual(
    ["0001", "250812-0001", "84912345678", "an", "h27.37-250812-0001", "nguyen van an", "van an"].sort(),
  );
  expect(await keys("tran-le thi b")).toEqual(["b", "le thi b", "thi b", "tran-le thi b"].sort());
});

it("skips the empty words of doubled spaces, stray hyphens and empty parts, and never runs across a part", async () => {
  expect(await keys("a  b | c-d | -x- |  | e--f g")).toEqual(
    ["a b", "b", "c-d", "d", "-x-", "x-", "e--f g", "f g", "g"].sort(),
  );
  expect(await keys("")).toEqual([]);
});

it("follows the search table: new dossiers, corrected text, and removal", async () => {
  const org = await seedTestOrg(h.db);
  const procs = await seedTestProcedures(h.db, org.unitIds.justice);
  const centre = await apiCtxOf(h.db, org.unitIds.center);
  const d = await receiveDossier(centre, {
    submitterName: "Lê Thị Hoa",
    submitterIdNumber: "042000000077",
    procedureId: procs.birth,
  });
  const keysOf = async () =>
    (
      await h.db
        .select({ key: dossierSearchKeys.key })
        .from(dossierSearchKeys)
        .where(eq(dossierSearchKeys.dossierId, d.id))
    ).map((k) => k.key);
  expect(await keysOf()).toEqual(expect.arrayContaining(["le thi hoa", "thi hoa", "hoa", "042000000077"]));
  await h.db.execute(
    sql`update dossiers set search_text = replace(search_text, 'le thi hoa', 'le thi hong') where id = ${d.id}`,
  );
  const corrected = await keysOf();
  expect(corrected).toEqual(expect.arrayContaining(["le thi hong", "thi hong", "hong"]));
  expect(corrected).not.toContain("hoa");
  await h.db.delete(dossierSearch).where(eq(dossierSearch.dossierId, d.id));
  expect(await keysOf()).toEqual([]);
});
