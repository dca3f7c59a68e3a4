import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { dossierSearch, dossiers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { seedTestOrg } from "@/lib/testing";
import { SEARCH_COUNT_CAP, SEARCH_FILTER_IDS, SEARCH_KEY_SCAN } from "./search";
import { listDossiers } from "./list";
import { receiveDossier } from "./receive";
import { apiCtxOf, seedTestProcedures } from "./testing";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
const COMMON = SEARCH_COUNT_CAP + 30;
let firstCode = "";

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  const procs = await seedTestProcedures(h.db, org.unitIds.justice);
  const centre = await apiCtxOf(h.db, org.unitIds.center);
  const first = await receiveDossier(centre, {
    submitterName: "Hồ Thị Mai",
    submitterIdNumber: "042000000001",
    procedureId: procs.birth,
    receivedAt: "2025-08-04T02:00:00Z",
  });
  firstCode = first.code;
  // A name as common as "Nguyễn Thị Hà": copies of one dossier, one minute apart (the trigger fills the search table).
  await h.db.execute(sql`
    insert into dossiers (code, unit_id, procedure_id, procedure, status, channel, result_delivery, submitter_name,
      submitter_id_number,
      owner_same_as_submitter, owner_name, owner_id_number, received_at, due_at, lookup_secret, search_text)
    select code || '-' || g, unit_id, procedure_id, procedure, status, channel, result_delivery, submitter_name,
      submitter_id_number,
      owner_same_as_submitter, owner_name, owner_id_number, received_at + g * interval '1 minute', due_at,
        md5(g::text), replace(search_text, lower(code), lower(code) || '-' || g)
    from dossiers, generate_series(1, ${COMMON - 1}) g where id = ${first.id}`);
  // A family name alone, with more word-start keys than are read from the key index: "Hồ Văn Nam", a day earlier.
  await h.db.execute(sql`
    insert into dossiers (code, unit_id, procedure_id, procedure, status, channel, result_delivery, submitter_name,
      submitter_id_number,
      owner_same_as_submitter, owner_name, owner_id_number, received_at, due_at, lookup_secret, search_text)
    select code || '-n' || g, unit_id, procedure_id, procedure, status, channel, result_delivery, 'Hồ Văn Nam',
      submitter_id_number,
      owner_same_as_submitter, 'Hồ Văn Nam', owner_id_number, received_at - interval '1 day' + g * interval
        '1 second', due_at, md5('n' || g),
      replace(replace(search_text, lower(code), lower(code) || '-n' || g), 'ho thi mai', 'ho van nam')
    from dossiers, generate_series(1, ${SEARCH_KEY_SCAN}) g where id = ${first.id}`);
});
afterAll(() => h.close());

const keysOf = (page: { rows: { code: string }[] }) => page.rows.map((r) => r.code);

describe("a search too common to count", () => {
  it("every copy reached the search table through the trigger", async () => {
    const [{ n }] = await h.db.select({ n: sql<number>`count(*)::int` }).from(dossierSearch);
    expect(n).toBe(COMMON + SEARCH_KEY_SCAN);
  });

  it("finds a term with more keys than the index scan reads by walking the dates, newest or oldest first", async () => {
    const newest = await listDossiers(org.receptionist, { q: "ho", pageSize: "10" });
    expect(newest).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
    expect(newest.rows.map((r) => r.submitterName)).toEqual(Array(10).fill("Hồ Thị Mai"));
    const times = newest.rows.map((r) => r.receivedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const oldest = await listDossiers(org.receptionist, { q: "Hồ", pageSize: "10", dir: "asc" });
    expect(oldest.rows.map((r) => r.submitterName)).toEqual(Array(10).fill("Hồ Văn Nam"));
    expect(oldest.rows[0].code).toBe(`${firstCode}-n1`);
    const deep = await listDossiers(org.receptionist, { q: "ho", pageSize: "25", page: "22" });
    expect(deep.rows.map((r) => r.submitterName)).toEqual([
      ...Array(5).fill("Hồ Thị Mai"),
      ...Array(20).fill("Hồ Văn Nam"),
    ]);
    expect((await listDossiers(org.receptionistThanhSen, { q: "ho" })).total).toBe(0);
  });

  it("says more than the cap, and still pages newest first and oldest first", async () => {
    const p1 = await listDossiers(org.receptionist, { q: "ho thi mai", pageSize: "25" });
    expect(p1).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
    expect(p1.rows).toHaveLength(25);
    const times = p1.rows.map((r) => r.receivedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const [{ newest }] = await h.db.select({ newest: sql<string>`max(received_at)::text` }).from(dossiers);
    expect(p1.rows[0].receivedAt!.getTime()).toBe(new Date(newest).getTime());
    const p2 = await listDossiers(org.receptionist, { q: "ho thi mai", pageSize: "25", page: "2" });
    expect(p2.rows[0].receivedAt!.getTime()).toBeLessThan(times[24]);
    const oldest = await listDossiers(org.receptionist, { q: "ho thi mai", pageSize: "5", dir: "asc" });
    expect(oldest.rows[0].code).toBe(firstCode);
    expect(oldest.rows.map((r) => r.receivedAt!.getTime())).toEqual(
      oldest.rows.map((r) => r.receivedAt!.getTime()).sort((a, b) => a - b),
    );
  });

  it("counts exactly once a filter or a narrower term brings the matches under the cap", async () => {
    const narrow = await listDossiers(org.receptionist, { q: "ho thi mai", channel: "direct" });
    expect(narrow).toMatchObject({ total: COMMON, totalCapped: false });
    const none = await listDossiers(org.receptionistThanhSen, { q: "ho thi mai" });
    expect(none).toMatchObject({ total: 0, totalCapped: false, rows: [] });
    const copy = `${firstCode}-${COMMON - 1}`;
    expect((await h.db.select().from(dossiers).where(eq(dossiers.code, copy))).length).toBe(1);
    expect(keysOf(await listDossiers(org.receptionist, { q: copy }))).toEqual([copy]);
  });
});

describe("a search beside a filter with more matches than are passed by value", () => {
  // Writes 20,000 dossiers: slower than the default limit on a busy two-core machine.
  it("counts them all exactly through the sub-select", { timeout: 120_000 }, async () => {
    const [first] = await h.db.select().from(dossiers).where(eq(dossiers.code, firstCode));
    const more = SEARCH_FILTER_IDS - SEARCH_KEY_SCAN - COMMON + 10;
    await h.db.execute(sql`
      insert into dossiers (code, unit_id, procedure_id, procedure, status, channel, result_delivery,
        submitter_name, submitter_id_number,
        owner_same_as_submitter, owner_name, owner_id_number, received_at, due_at, lookup_secret, search_text)
      select code || '-m' || g, unit_id, procedure_id, procedure, status, channel, result_delivery, 'Hồ Văn Nam',
        submitter_id_number,
        owner_same_as_submitter, 'Hồ Văn Nam', owner_id_number, received_at - interval '2 days' + g * interval
          '1 second', due_at, md5('m' || g),
        replace(replace(search_text, lower(code), lower(code) || '-m' || g), 'ho thi mai', 'ho van nam')
      from dossiers, generate_series(1, ${more}) g where id = ${first.id}`);
    const all = SEARCH_FILTER_IDS + 10;
    expect(await listDossiers(org.receptionist, { q: "ho", channel: first.channel, pageSize: "5" })).toMatchObject({
      total: all,
      totalCapped: false,
    });
    expect((await listDossiers(org.receptionist, { q: "ho van nam", channel: first.channel })).total).toBe(
      all - COMMON,
    );
    expect((await listDossiers(org.receptionistThanhSen, { q: "ho", channel: first.channel })).total).toBe(0);
  });
});
