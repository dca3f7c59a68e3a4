import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type DbHandle, executedRows } from "@/db/client";
import { useTestDb } from "@/db/testing";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterAll(() => h.close());

async function words(text: string, at = "2025-08-12T02:00:00Z"): Promise<string[]> {
  const rows = executedRows<{ words: string[] }>(await h.db.execute(sql`select tsvector_to_array(dossier_search_words(${text}, ${at}::timestamptz)) as words`));
  return [...rows[0].words].sort();
}

it("keys a dossier by each word, the pieces of hyphenated ones, adjacent pairs and its 30-day period", async () => {
  expect(await words("h27.37-250812-0001 | nguyen van an | 84912345678")).toEqual(
    ["#p677", "0001", "250812", "84912345678", "an", "h27.37", "h27.37-250812-0001", "nguyen", "nguyen van", "van", "van an"].sort(),
  );
});

it("skips the empty words of doubled spaces, stray hyphens and empty parts, and never pairs across a part", async () => {
  expect(await words("a  b | c-d | -x- |  | e--f g")).toEqual(["#p677", "-x-", "a", "b", "c", "c-d", "d", "e", "e--f", "e--f g", "f", "g", "x"].sort());
  expect(await words("")).toEqual(["#p677"]);
});
