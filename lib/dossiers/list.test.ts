import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { type Dossier, dossiers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import type { Ctx } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { exportDossierRows, listDossiers, listFilterOptions } from "./list";
import { getDossier, getReceipt } from "./detail";
import { parseDossierListQuery } from "./list-query";
import { receiveDossier } from "./receive";
import { apiCtxOf, seedTestProcedures } from "./testing";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let procs: Awaited<ReturnType<typeof seedTestProcedures>>;

/** Vietnam time "2025-08-04 09:00" → Date. */
const vn = (s: string) => new Date(`${s.replace(" ", "T")}:00+07:00`);

/** The moment the lists are read: Monday 11/08/2025 09:00; one working day later is Tuesday 09:00. */
const NOW = "2025-08-11 09:00";

type Key = "an" | "binh" | "duc" | "early" | "ontime" | "late" | "paused" | "waiting" | "office" | "thanhsen";
const codes = {} as Record<Key, string>;
const keyOf = (code: string) => (Object.entries(codes).find(([, c]) => c === code)?.[0] ?? code) as Key;
const keys = (rows: { code: string }[]) => rows.map((r) => keyOf(r.code));
const sorted = (rows: { code: string }[]) => keys(rows).sort();
const CENTRE: Key[] = ["an", "binh", "duc", "early", "ontime", "late", "paused", "waiting"];

async function make(key: Key, api: Ctx, input: Record<string, unknown>, patch: Partial<Dossier> = {}) {
  const r = await receiveDossier(api, { submitterIdNumber: "042000000001", procedureId: procs.birth, ...input });
  codes[key] = r.code;
  if (Object.keys(patch).length) await h.db.update(dossiers).set(patch).where(eq(dossiers.id, r.id));
}

function readAt(now = NOW) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(vn(now));
}

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  procs = await seedTestProcedures(h.db, org.unitIds.justice);
  const centre = await apiCtxOf(h.db, org.unitIds.center);
  const at = (s: string) => vn(s).toISOString();
  await make(
    "an",
    centre,
    {
      submitterName: "Nguyễn Văn An",
      submitterPhone: "0912 345 678",
      submitterIdNumber: "042095001234",
      notifyZalo: "on",
      receivedAt: at("2025-08-04 09:00"),
    },
    { dueAt: vn("2025-08-07 09:00") },
  ); // overdue
  await make(
    "binh",
    centre,
    {
      submitterName: "Trần Thị Bình",
      submitterPhone: "0358 111 222",
      submitterIdNumber: "183456789",
      ownerSameAsSubmitter: ["0"],
      ownerName: "Lê Văn Cường",
      ownerIdNumber: "042190000111",
      ownerPhone: "0987 654 321",
      procedureId: procs.alcohol,
      channel: "post",
      // 06:30 on 05/08 in Hà Tĩnh is still 04/08 in UTC.
      receivedAt: at("2025-08-05 06:30"),
    },
    { status: "assigned", dueAt: vn("2025-08-12 08:00") },
  ); // due soon
  await make(
    "duc",
    centre,
    {
      submitterName: "Phạm Minh Đức",
      submitterPhone: "0977 000 111",
      notifyZalo: "on",
      channel: "online",
      receivedAt: at("2025-08-06 23:30"),
    },
    { status: "appraising", dueAt: vn("2025-08-20 09:00") },
  ); // within
  // 00:30 on 07/08 in Hà Tĩnh is still 06/08 in UTC.
  await make(
    "early",
    centre,
    { submitterName: "Võ Thị Hoa", receivedAt: at("2025-08-07 00:30") },
    {
      status: "result_ready",
      dueAt: vn("2025-08-12 09:00"),
      finishedAt: vn("2025-08-11 08:00"),
    },
  );
  await make(
    "ontime",
    centre,
    { submitterName: "Đặng Văn Khoa", receivedAt: at("2025-08-07 10:00") },
    {
      status: "returned",
      dueAt: vn("2025-08-08 16:00"),
      finishedAt: vn("2025-08-08 17:30"),
      returnedAt: vn("2025-08-08 17:30"),
    },
  );
  await make(
    "late",
    centre,
    { submitterName: "Bùi Thị Lan", receivedAt: at("2025-08-07 11:00") },
    {
      status: "returned",
      dueAt: vn("2025-08-08 10:00"),
      finishedAt: vn("2025-08-09 06:30"),
      returnedAt: vn("2025-08-09 06:30"),
    },
  );
  await make(
    "paused",
    centre,
    { submitterName: "Ngô Văn Nam", receivedAt: at("2025-08-08 09:00") },
    {
      status: "supplement_requested",
      dueAt: vn("2025-08-15 09:00"),
      pausedAt: vn("2025-08-08 10:00"),
    },
  );
  await make("waiting", centre, {
    submitterName: "Đinh Thị Xuân",
    channel: "online",
    startAs: "submitted",
    nationalCode: "G22.99-250809-0001",
    receivedAt: at("2025-08-09 08:00"),
  });
  await make("office", await apiCtxOf(h.db, org.unitIds.office), {
    submitterName: "Lý Thị Oanh",
    receivedAt: at("2025-08-05 09:00"),
  });
  // Same folded name and phone as "an", in a ward outside the centre and the office's subtree.
  await make("thanhsen", await apiCtxOf(h.db, org.unitIds.thanhsen), {
    submitterName: "Nguyễn Văn Ân",
    submitterPhone: "0912345678",
    receivedAt: at("2025-08-05 09:00"),
  });
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

async function list(ctx: Ctx, q: Record<string, unknown> = {}) {
  return listDossiers(ctx, { pageSize: 200, ...q });
}

describe("listDossiers search", () => {
  it("ignores diacritics and case in names", async () => {
    for (const q of ["nguyen van a", "Nguyễn Văn An", "NGUYEN VAN AN", "  nguyễn   văn an "]) {
      expect(keys((await list(org.receptionist, { q })).rows), q).toEqual(["an"]);
    }
    expect(keys((await list(org.receptionist, { q: "duc" })).rows)).toEqual(["duc"]);
    expect(keys((await list(org.receptionist, { q: "ĐẶNG" })).rows)).toEqual(["ontime"]);
  });

  it("matches a name's words from their start, in the order typed, the last one in part", async () => {
    expect(keys((await list(org.receptionist, { q: "van a" })).rows)).toEqual(["an"]);
    expect(keys((await list(org.receptionist, { q: "Minh Đ" })).rows)).toEqual(["duc"]);
    expect((await list(org.receptionist, { q: "an nguyen van" })).total).toBe(0);
  });

  it("finds the owner and the submitter of a dossier filed on someone's behalf", async () => {
    expect(keys((await list(org.receptionist, { q: "le van cuong" })).rows)).toEqual(["binh"]);
    expect(keys((await list(org.receptionist, { q: "Trần thị Bình" })).rows)).toEqual(["binh"]);
  });

  it("finds a dossier by its code, in any case and in part, and by the national portal's code", async () => {
    expect(keys((await list(org.receptionist, { q: codes.an.toLowerCase() })).rows)).toEqual(["an"]);
    expect(keys((await list(org.receptionist, { q: "250805" })).rows)).toEqual(["binh"]);
    expect(keys((await list(org.receptionist, { q: "g22.99-250809" })).rows)).toEqual(["waiting"]);
  });

  it("finds a dossier by the day-and-number part of its code, as printed on the receipt", async () => {
    const tail = codes.an.split("-").slice(-2).join("-");
    expect(tail).toMatch(/^\d{6}-\d{4}$/);
    expect(keys((await list(org.receptionist, { q: tail })).rows)).toEqual(["an"]);
    expect(keys((await list(org.receptionist, { q: ` ${tail} ` })).rows)).toEqual(["an"]);
  });

  it("finds a phone number typed in any usual form, the owner's phone too", async () => {
    for (const q of ["0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "84912345678", "912 345 678"]) {
      expect(keys((await list(org.receptionist, { q })).rows), q).toEqual(["an"]);
    }
    expect(keys((await list(org.receptionist, { q: "0987654321" })).rows)).toEqual(["binh"]);
    expect(keys((await list(org.receptionist, { q: "+84358111222" })).rows)).toEqual(["binh"]);
  });

  it("finds a dossier by the submitter's or the owner's ID number (CCCD or CMND)", async () => {
    expect(keys((await list(org.receptionist, { q: "042095001234" })).rows)).toEqual(["an"]);
    expect(keys((await list(org.receptionist, { q: "183 456 789" })).rows)).toEqual(["binh"]);
    expect(keys((await list(org.receptionist, { q: "042190000111" })).rows)).toEqual(["binh"]);
  });

  it("pages a search in the list's order both ways, with the total of all matches", async () => {
    // Every dossier of the centre carries an ID number starting 042 (Hà Tĩnh).
    const all = keys((await list(org.receptionist)).rows);
    const p1 = await listDossiers(org.receptionist, { q: "042", pageSize: "5" });
    const p2 = await listDossiers(org.receptionist, { q: "042", pageSize: "5", page: "2" });
    expect([...keys(p1.rows), ...keys(p2.rows)]).toEqual(all);
    expect([p1.total, p2.total]).toEqual([CENTRE.length, CENTRE.length]);
    const past = await listDossiers(org.receptionist, { q: "042", pageSize: "5", page: "3" });
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(CENTRE.length);
    const asc = await list(org.receptionist, { q: "042", dir: "asc" });
    expect(keys(asc.rows)).toEqual(keys((await list(org.receptionist, { dir: "asc" })).rows));
    // With a filter beside the term, the same matches come through the other path.
    expect(sorted((await list(org.receptionist, { q: "042", channel: "online" })).rows)).toEqual(["duc", "waiting"]);
  });

  it("finds a dossier by its corrected name at once, and no longer by the old one", async () => {
    const [row] = await h.db.select().from(dossiers).where(eq(dossiers.code, codes.duc));
    await h.db
      .update(dossiers)
      .set({ searchText: row.searchText.replace("pham minh duc", "pham minh duoc") })
      .where(eq(dossiers.id, row.id));
    try {
      expect(keys((await list(org.receptionist, { q: "Phạm Minh Được" })).rows)).toEqual(["duc"]);
      expect((await list(org.receptionist, { q: "pham minh duc" })).total).toBe(0);
    } finally {
      await h.db.update(dossiers).set({ searchText: row.searchText }).where(eq(dossiers.id, row.id));
    }
  });

  it("treats % and _ literally instead of matching everything", async () => {
    expect((await list(org.receptionist, { q: "%" })).total).toBe(0);
    expect((await list(org.receptionist, { q: "_" })).total).toBe(0);
    expect((await list(org.receptionist, { q: "zzz khong co" })).total).toBe(0);
  });
});

describe("listDossiers filters", () => {
  it("filters by status, procedure, field and channel", async () => {
    expect(sorted((await list(org.receptionist, { status: "returned" })).rows)).toEqual(["late", "ontime"]);
    expect(keys((await list(org.receptionist, { procedureId: String(procs.alcohol) })).rows)).toEqual(["binh"]);
    expect(keys((await list(org.receptionist, { field: "Công thương" })).rows)).toEqual(["binh"]);
    expect(keys((await list(org.receptionist, { channel: "post" })).rows)).toEqual(["binh"]);
    expect(sorted((await list(org.receptionist, { channel: "online" })).rows)).toEqual(["duc", "waiting"]);
  });

  it("filters by the day of reception in Vietnam time, both ends included", async () => {
    const r = await list(org.receptionist, { from: "2025-08-05", to: "2025-08-06" });
    expect(sorted(r.rows)).toEqual(["binh", "duc"]);
    expect(sorted((await list(org.receptionist, { from: "2025-08-07" })).rows)).toEqual([
      "early",
      "late",
      "ontime",
      "paused",
      "waiting",
    ]);
    expect(sorted((await list(org.receptionist, { to: "2025-08-04" })).rows)).toEqual(["an"]);
    // A dossier waiting for reception counts from its online submission.
    expect(keys((await list(org.receptionist, { from: "2025-08-09", to: "2025-08-09" })).rows)).toEqual(["waiting"]);
  });

  it("filters by Zalo registration", async () => {
    expect(sorted((await list(org.receptionist, { zalo: "yes" })).rows)).toEqual(["an", "duc"]);
    expect((await list(org.receptionist, { zalo: "no" })).total).toBe(CENTRE.length - 2);
  });

  it("filters by on-time state, in agreement with each row's badge", async () => {
    readAt();
    const expected: Record<string, Key[]> = {
      overdue: ["an"],
      due_soon: ["binh"],
      within: ["duc"],
      early: ["early"],
      on_time: ["ontime"],
      late: ["late"],
      paused: ["paused"],
      none: ["waiting"],
    };
    let seen = 0;
    for (const [onTime, want] of Object.entries(expected)) {
      const r = await list(org.receptionist, { onTime });
      expect(keys(r.rows), onTime).toEqual(want);
      expect(
        r.rows.every((row) => row.onTime === onTime),
        onTime,
      ).toBe(true);
      seen += r.total;
    }
    expect(seen).toBe(CENTRE.length);
    const all = await list(org.receptionist);
    expect(Object.fromEntries(all.rows.map((r) => [keyOf(r.code), r.onTime]))).toEqual({
      an: "overdue",
      binh: "due_soon",
      duc: "within",
      early: "early",
      ontime: "on_time",
      late: "late",
      paused: "paused",
      waiting: "none",
    });
  });

  it("moves a dossier from due soon to overdue as time passes", async () => {
    readAt("2025-08-12 08:30");
    const r = await list(org.receptionist, { onTime: "overdue" });
    expect(sorted(r.rows)).toEqual(["an", "binh"]);
  });

  it("combines filters and the search", async () => {
    expect(
      keys((await list(org.receptionist, { q: "nguyen", zalo: "yes", channel: "direct", status: "received" })).rows),
    ).toEqual(["an"]);
    expect((await list(org.receptionist, { q: "nguyen", channel: "post" })).total).toBe(0);
  });

  it("ignores a malformed parameter instead of failing the page", async () => {
    const q = parseDossierListQuery({
      status: "nonsense",
      page: "-3",
      pageSize: "100000",
      from: "31/02/2025",
      sort: "name",
      dir: "sideways",
      onTime: "late",
      q: ["nguyen", "x"],
    });
    expect(q).toMatchObject({ page: 1, pageSize: 25, sort: "receivedAt", dir: "desc", onTime: "late", q: "nguyen" });
    expect(q.status).toBeUndefined();
    expect(q.from).toBeUndefined();
    expect((await listDossiers(org.receptionist, { status: "nonsense" })).total).toBe(CENTRE.length);
  });

  it("reads the day filters typed as dd/mm/yyyy like the ISO days of a link", () => {
    expect(parseDossierListQuery({ from: "05/08/2025", to: "6/8/2025" })).toMatchObject({
      from: "2025-08-05",
      to: "2025-08-06",
    });
    expect(parseDossierListQuery({ from: "2025-08-05" })).toMatchObject({ from: "2025-08-05" });
  });
});

describe("listDossiers sorting and pagination", () => {
  it("lists the latest reception first by default and pages with a stable total", async () => {
    const p1 = await listDossiers(org.receptionist, { pageSize: "5" });
    const p2 = await listDossiers(org.receptionist, { pageSize: "5", page: "2" });
    const p3 = await listDossiers(org.receptionist, { pageSize: "5", page: "3" });
    expect(keys(p1.rows)).toEqual(["waiting", "paused", "late", "ontime", "early"]);
    expect(keys(p2.rows)).toEqual(["duc", "binh", "an"]);
    expect(p3.rows).toEqual([]);
    expect([p1.total, p2.total, p3.total]).toEqual([CENTRE.length, CENTRE.length, CENTRE.length]);
    expect(p2).toMatchObject({ page: 2, pageSize: 5 });
  });

  it("counts the filtered set, not the page", async () => {
    const r = await listDossiers(org.receptionist, { pageSize: "5", zalo: "no" });
    expect(r.rows).toHaveLength(5);
    expect(r.total).toBe(6);
  });

  it("sorts by appointment both ways, dossiers without one last", async () => {
    const asc = await list(org.receptionist, { sort: "dueAt", dir: "asc" });
    expect(keys(asc.rows)).toEqual(["an", "late", "ontime", "binh", "early", "paused", "duc", "waiting"]);
    const desc = await list(org.receptionist, { sort: "dueAt", dir: "desc" });
    expect(keys(desc.rows)).toEqual(["duc", "paused", "early", "binh", "ontime", "late", "an", "waiting"]);
  });

  it("exports in the order of the list", async () => {
    for (const q of [
      {},
      { sort: "dueAt", dir: "desc" },
      { sort: "dueAt", dir: "asc" },
      { sort: "code", dir: "desc" },
    ]) {
      expect(keys(await exportDossierRows(org.receptionist, q)), JSON.stringify(q)).toEqual(
        keys((await list(org.receptionist, q)).rows),
      );
    }
  });

  it("sorts by code and by status", async () => {
    const byCode = await list(org.receptionist, { sort: "code", dir: "asc" });
    expect(byCode.rows.map((r) => r.code)).toEqual(byCode.rows.map((r) => r.code).sort());
    const byStatus = await list(org.receptionist, { sort: "status", dir: "asc" });
    expect(byStatus.rows.map((r) => r.status)).toEqual([
      "appraising",
      "assigned",
      "received",
      "result_ready",
      "returned",
      "returned",
      "submitted",
      "supplement_requested",
    ]);
  });
});

describe("unit scope", () => {
  it("shows a receptionist only the dossiers of the own unit", async () => {
    expect(sorted((await list(org.receptionist)).rows)).toEqual([...CENTRE].sort());
    expect(keys((await list(org.receptionistThanhSen)).rows)).toEqual(["thanhsen"]);
    // Same folded name and same phone in another unit: not found from the centre.
    expect(keys((await list(org.receptionist, { q: "nguyen van an" })).rows)).toEqual(["an"]);
    expect(keys((await list(org.receptionist, { q: "0912345678" })).rows)).toEqual(["an"]);
    expect((await list(org.receptionistThanhSen, { q: codes.an })).total).toBe(0);
  });

  it("shows a supervisor the subtree of the unit, and an administrator everything", async () => {
    expect(sorted((await list(org.supervisor)).rows)).toEqual([...CENTRE, "office"].sort());
    expect(sorted((await list(org.admin)).rows)).toEqual([...CENTRE, "office", "thanhsen"].sort());
    expect(sorted((await list(org.admin, { q: "nguyen van an" })).rows)).toEqual(["an", "thanhsen"]);
    expect(sorted((await list(org.supervisor, { q: "nguyen van an" })).rows)).toEqual(["an"]);
  });

  it("answers not found for a dossier of another unit opened by its code", async () => {
    await expect(getDossier(org.receptionistThanhSen, codes.an)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDossier(org.receptionist, codes.thanhsen)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDossier(org.supervisor, codes.thanhsen)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReceipt(org.receptionistThanhSen, codes.an)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getDossier(org.receptionist, ` ${codes.an.toLowerCase()} `)).code).toBe(codes.an);
    expect((await getDossier(org.supervisor, codes.an)).unitName).toBe(
      "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh",
    );
    expect((await getDossier(org.admin, codes.thanhsen)).submitterName).toBe("Nguyễn Văn Ân");
    expect((await getDossier(org.receptionist, "g22.99-250809-0001")).code).toBe(codes.waiting);
  });

  it("keeps the export and the filter options inside the scope", async () => {
    expect(sorted(await exportDossierRows(org.receptionistThanhSen, {}))).toEqual(["thanhsen"]);
    expect(sorted(await exportDossierRows(org.supervisor, { q: "nguyen van an" }))).toEqual(["an"]);
    const opts = await listFilterOptions(org.receptionistThanhSen);
    expect(opts.procedures.map((p) => p.id)).toEqual([procs.birth]);
    expect((await listFilterOptions(org.receptionist)).fields.sort()).toEqual(["Công thương", "Hộ tịch"]);
  });

  it("refuses roles without the dossier permissions", async () => {
    await expect(listDossiers(org.publisher, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDossier(org.publisher, codes.an)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportDossierRows(org.publisher, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("getDossier", () => {
  it("returns the history, the receipt versions and the on-time state", async () => {
    readAt();
    const d = await getDossier(org.receptionist, codes.an);
    expect(d.history.map((x) => x.toStatus)).toEqual(["received"]);
    expect(d.receipts.map((x) => x.version)).toEqual([1]);
    expect(d.onTime).toBe("overdue");
  });
});
