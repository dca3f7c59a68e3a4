import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, dossierEvents, dossierHistory, dossierReceipts, dossiers, unitCodes } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { receiveDossier } from "./receive";
import { apiCtxOf, citizen, seedTestProcedures } from "./testing";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let procs: Awaited<ReturnType<typeof seedTestProcedures>>;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  procs = await seedTestProcedures(h.db, org.unitIds.justice);
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

async function validationErrors(p: Promise<unknown>): Promise<Record<string, string>> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).fieldErrors;
}

describe("receiveDossier", () => {
  it("numbers the dossier <unit code>-<YYMMDD in Vietnam>-<4 digits> and writes history, receipt v1, events and audit together", async () => {
    const api = await apiCtxOf(h.db, org.unitIds.center);
    // 23:30 UTC on 11/08 is already 12/08 in Hà Tĩnh.
    const r = await receiveDossier(api, { ...citizen, procedureId: procs.birth, receivedAt: "2025-08-11T23:30:00Z" });
    expect(r.code).toBe("H27.37-250812-0001");
    expect(r.lookupUrl).toMatch(/\/tra-cuu\/H27\.37-250812-0001\?t=[\w-]{24,}$/);
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.code, r.code));
    expect(d.status).toBe("received");
    expect(d.lookupSecret.length).toBeGreaterThanOrEqual(22);
    expect(d.submitterPhone84).toBe("84912345678");
    expect(d.ownerName).toBe("Nguyễn Văn Lâm");
    expect(d.registerBook).toBe("2025");
    const history = await h.db.select().from(dossierHistory).where(eq(dossierHistory.dossierId, d.id));
    expect(history.map((x) => x.toStatus)).toEqual(["received"]);
    const receipts = await h.db.select().from(dossierReceipts).where(eq(dossierReceipts.dossierId, d.id));
    expect(receipts.map((x) => x.version)).toEqual([1]);
    expect(receipts[0].snapshot).toMatchObject({
      code: r.code,
      procedureName: "Đăng ký khai sinh",
      submitter: { idNumber: "042095001234" },
    });
    const events = await h.db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, d.id))
      .orderBy(asc(dossierEvents.id));
    expect(events.map((e) => e.type)).toEqual(["received", "receipt_issued"]);
    expect(events[0].payload).toMatchObject({
      code: r.code,
      ownerName: "Nguyễn Văn Lâm",
      procedureName: "Đăng ký khai sinh",
      statusLabel: "Đã tiếp nhận",
    });
    expect(events[0].dispatchedAt).toBeNull();
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityId, r.code));
    expect(audits.map((a) => a.action)).toEqual(["dossier.receive"]);
  });

  it("grows past 9999 and keeps four digits before", async () => {
    const { formatDossierCode } = await import("./code");
    expect(formatDossierCode("000.00.04.H60", "230215", 28)).toBe("000.00.04.H60-230215-0028");
    expect(formatDossierCode("H27.37", "240219", 10000)).toBe("H27.37-240219-10000");
  });

  it("gives 100 concurrent intakes of one unit and day 100 distinct consecutive numbers", async () => {
    const api = await apiCtxOf(h.db, org.unitIds.thachha);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        receiveDossier(api, {
          ...citizen,
          submitterName: `Trần Thị Mai ${i}`,
          procedureId: procs.birth,
          receivedAt: "2025-09-15T02:00:00Z",
        }),
      ),
    );
    const numbers = results.map((r) => Number(r.code.split("-").at(-1))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.code)).size).toBe(100);
    expect(results.every((r) => r.code.startsWith("H27.18562-250915-"))).toBe(true);
  });

  it("uses the unit code valid on the reception day: a re-issued code applies from its date, older dossiers keep theirs", async () => {
    const api = await apiCtxOf(h.db, org.unitIds.thanhsen);
    const before = await receiveDossier(api, {
      ...citizen,
      procedureId: procs.birth,
      receivedAt: "2025-10-01T02:00:00Z",
    });
    await h.db.update(unitCodes).set({ validTo: "2025-10-31" }).where(eq(unitCodes.unitId, org.unitIds.thanhsen));
    await h.db.insert(unitCodes).values({ unitId: org.unitIds.thanhsen, code: "H27.99", validFrom: "2025-11-01" });
    const after = await receiveDossier(api, {
      ...citizen,
      procedureId: procs.birth,
      receivedAt: "2025-11-03T02:00:00Z",
    });
    const late = await receiveDossier(api, {
      ...citizen,
      procedureId: procs.birth,
      receivedAt: "2025-10-31T09:00:00Z",
    });
    expect(before.code).toBe("H27.18073-251001-0001");
    expect(after.code).toBe("H27.99-251103-0001");
    expect(late.code).toBe("H27.18073-251031-0001");
    const [kept] = await h.db.select({ code: dossiers.code }).from(dossiers).where(eq(dossiers.id, before.id));
    expect(kept.code).toBe("H27.18073-251001-0001");
  });

  it("freezes the due date at receipt: a later change of the procedure does not move it", async () => {
    const api = await apiCtxOf(h.db, org.unitIds.center);
    // Monday 04/08/2025 09:00 in Vietnam + 3 working days = Thursday 07/08 09:00.
    const r = await receiveDossier(api, { ...citizen, procedureId: procs.birth, receivedAt: "2025-08-04T02:00:00Z" });
    expect(r.dueAt?.toISOString()).toBe("2025-08-07T02:00:00.000Z");
    const { procedures } = await import("@/db/schema");
    await h.db.update(procedures).set({ processingDays: 10 }).where(eq(procedures.id, procs.birth));
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
    expect(d.dueAt?.toISOString()).toBe("2025-08-07T02:00:00.000Z");
    expect(d.originalDueAt?.toISOString()).toBe("2025-08-07T02:00:00.000Z");
    expect(d.procedure.processingDays).toBe(3);
    await h.db.update(procedures).set({ processingDays: 3 }).where(eq(procedures.id, procs.birth));
  });

  it("explains bad input in Vietnamese, field by field", async () => {
    const e = await validationErrors(
      receiveDossier(org.receptionist, {
        submitterName: "  ",
        submitterIdNumber: "12345",
        submitterPhone: "0123",
        submitterEmail: "abc",
        setsCount: "0",
      }),
    );
    expect(e.procedureId).toBe("Chọn thủ tục hành chính.");
    expect(e.submitterName).toBe("Họ tên người nộp: bắt buộc nhập.");
    expect(e.submitterIdNumber).toBe("Số định danh cá nhân: CCCD gồm 12 chữ số hoặc CMND gồm 9 chữ số.");
    expect(e.submitterPhone).toBe("Số điện thoại di động Việt Nam không hợp lệ (ví dụ 0912 345 678).");
    expect(e.submitterEmail).toBe("Địa chỉ email không hợp lệ.");
    expect(e.setsCount).toBe("Số bộ hồ sơ ít nhất là 1.");
  });

  it("accepts a 9-digit CMND and requires the owner's name and ID when the submitter acts for someone else", async () => {
    const e = await validationErrors(
      receiveDossier(org.receptionist, {
        ...citizen,
        submitterIdNumber: "183456789",
        procedureId: procs.birth,
        ownerSameAsSubmitter: ["0"],
      }),
    );
    expect(Object.keys(e).sort()).toEqual(["ownerIdNumber", "ownerName"]);
    const r = await receiveDossier(org.receptionist, {
      ...citizen,
      submitterIdNumber: "183456789",
      procedureId: procs.birth,
      ownerSameAsSubmitter: ["0"],
      ownerName: "Lê Thị Hoa",
      ownerIdNumber: "042190000111",
      authorizationDocument: "Giấy ủy quyền số 12/UQ ngày 01/8/2025",
    });
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
    expect(d).toMatchObject({
      ownerSameAsSubmitter: false,
      ownerName: "Lê Thị Hoa",
      authorizationDocument: "Giấy ủy quyền số 12/UQ ngày 01/8/2025",
    });
  });

  it("needs a valid Vietnamese mobile for the Zalo tick and records the consent time", async () => {
    const e = await validationErrors(
      receiveDossier(org.receptionist, { ...citizen, submitterPhone: "", procedureId: procs.birth, notifyZalo: "on" }),
    );
    expect(e.notifyZalo).toBe("Đăng ký nhận thông báo qua Zalo cần số điện thoại di động hợp lệ của người nộp.");
    expect(e.submitterPhone).toBeTruthy();
    const landline = await validationErrors(
      receiveDossier(org.receptionist, {
        ...citizen,
        submitterPhone: "0239 385 6696",
        procedureId: procs.birth,
        notifyZalo: "on",
      }),
    );
    expect(landline.submitterPhone).toBe("Số điện thoại di động Việt Nam không hợp lệ (ví dụ 0912 345 678).");

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-08-05T03:15:00Z"));
    const r = await receiveDossier(org.receptionist, {
      ...citizen,
      submitterPhone: "+84 987 654 321",
      procedureId: procs.birth,
      notifyZalo: "on",
      notifySms: "on",
    });
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
    expect(d.notifyZalo).toBe(true);
    expect(d.notifySms).toBe(true);
    expect(d.submitterPhone84).toBe("84987654321");
    expect(d.zaloConsentAt?.toISOString()).toBe("2025-08-05T03:15:00.000Z");
    // The consent as shown: its text, version and the channel it was recorded through (Law 91/2025).
    expect(d).toMatchObject({ zaloConsentChannel: "counter", zaloConsentVersion: "counter-2026-12" });
    expect(d.zaloConsentText).toContain("HUY THONG BAO");
    const [unticked] = await h.db
      .select()
      .from(dossiers)
      .where(
        eq(dossiers.code, (await receiveDossier(org.receptionist, { ...citizen, procedureId: procs.birth })).code),
      );
    expect(unticked.zaloConsentAt).toBeNull();
    expect(unticked.zaloConsentText).toBeNull();
  });

  it("stores names NFC and treats the EMS tick as post delivery, which needs an address", async () => {
    const decomposed = "Nguyễn Thị Ánh".normalize("NFD");
    const e = await validationErrors(
      receiveDossier(org.receptionist, {
        ...citizen,
        submitterAddress: "",
        procedureId: procs.birth,
        deliverByPost: "on",
      }),
    );
    expect(e.submitterAddress).toBe("Nhập địa chỉ để nhận kết quả qua bưu chính (EMS).");
    const r = await receiveDossier(org.receptionist, {
      ...citizen,
      submitterName: decomposed,
      procedureId: procs.birth,
      deliverByPost: "on",
    });
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
    expect(d.submitterName).toBe("Nguyễn Thị Ánh".normalize("NFC"));
    expect(d.resultDelivery).toBe("post_ems");
    expect(d.deliverByPost).toBe(true);
  });

  it("does not let staff back-date a reception", async () => {
    const e = await validationErrors(
      receiveDossier(org.receptionist, { ...citizen, procedureId: procs.birth, receivedAt: "2025-01-02T02:00:00Z" }),
    );
    expect(e.receivedAt).toBeTruthy();
  });

  it("keeps an online dossier waiting for reception under its national code", async () => {
    const api = await apiCtxOf(h.db, org.unitIds.center);
    const r = await receiveDossier(api, {
      ...citizen,
      procedureId: procs.birth,
      channel: "online",
      startAs: "submitted",
      nationalCode: "g22.99-250801-0007",
    });
    expect(r).toMatchObject({ status: "submitted", code: "G22.99-250801-0007", dueAt: null });
    const receipts = await h.db.select().from(dossierReceipts).where(eq(dossierReceipts.dossierId, r.id));
    expect(receipts).toHaveLength(0);
    const e = await validationErrors(
      receiveDossier(api, { ...citizen, procedureId: procs.birth, channel: "direct", startAs: "submitted" }),
    );
    expect(e.startAs).toBe("Chỉ hồ sơ nộp trực tuyến mới ở trạng thái chờ tiếp nhận.");
  });

  it("refuses roles without dossiers.create and procedures outside the desk's scope", async () => {
    await expect(receiveDossier(org.publisher, { ...citizen, procedureId: procs.birth })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(receiveDossier(org.supervisor, { ...citizen, procedureId: procs.birth })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const e = await validationErrors(
      receiveDossier(org.receptionistThanhSen, { ...citizen, procedureId: procs.justice }),
    );
    expect(e.procedureId).toBe("Thủ tục này không thuộc phạm vi tiếp nhận của đơn vị.");
    const other = await validationErrors(
      receiveDossier(org.receptionistThanhSen, { ...citizen, procedureId: procs.birth, unitId: org.unitIds.center }),
    );
    expect(other.unitId).toBeTruthy();
  });

  it("writes nothing, not even a number, when the intake transaction fails half-way", async () => {
    const api = await apiCtxOf(h.db, org.unitIds.health);
    const count = async () => ({
      events: (await h.db.select({ id: dossierEvents.id }).from(dossierEvents)).length,
      audits: (await h.db.select({ id: auditLog.id }).from(auditLog)).length,
    });
    const at = "2025-09-03T02:00:00Z";
    const first = await receiveDossier(api, {
      ...citizen,
      procedureId: procs.birth,
      receivedAt: at,
      nationalCode: "H27-250903-000001",
    });
    expect(first.code).toBe("000.18.00.H27-250903-0001");
    const before = await count();
    // The duplicate national code fails on insert, after the day's counter was already incremented.
    const dup = await validationErrors(
      receiveDossier(api, { ...citizen, procedureId: procs.birth, receivedAt: at, nationalCode: "H27-250903-000001" }),
    );
    expect(dup.nationalCode).toBe("Mã hồ sơ này đã được ghi nhận trước đó.");
    expect(await count()).toEqual(before);
    const next = await receiveDossier(api, { ...citizen, procedureId: procs.birth, receivedAt: at });
    expect(next.code).toBe("000.18.00.H27-250903-0002");
    await expect(
      receiveDossier(api, { ...citizen, procedureId: procs.birth, receivedAt: "2020-03-02T02:00:00Z" }),
    ).rejects.toThrow(/mã định danh/);
  });

  it("fills the code and register line into every row of the intake statement", async () => {
    const api = await apiCtxOf(h.db, org.unitIds.center);
    const r = await receiveDossier(api, { ...citizen, procedureId: procs.alcohol, receivedAt: "2025-12-01T02:00:00Z" });
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
    expect(d.code).toBe(r.code);
    expect(d.registerLine).toBeGreaterThan(0);
    expect(d.searchText.split(" | ")[0]).toBe(r.code.toLowerCase());
    const [receipt] = await h.db.select().from(dossierReceipts).where(eq(dossierReceipts.dossierId, d.id));
    expect(receipt.snapshot).toMatchObject({
      code: r.code,
      registerLine: d.registerLine,
      number: `${d.registerLine}/TTPVHCC`,
      lookupUrl: r.lookupUrl,
    });
    const events = await h.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id));
    expect(events.map((e) => e.payload.lookupUrl)).toEqual([r.lookupUrl, r.lookupUrl]);
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.entityId, r.code));
    expect(audit.summary).toBe(`Tiếp nhận hồ sơ ${r.code} — Cấp Giấy phép bán lẻ rượu`);
    const written = JSON.stringify([d, receipt, events, audit]);
    expect(written).not.toMatch(/qq[0-9a-f]{16}qq/i);
  });

  it("notices reference data changed behind its back (another process): a retired procedure, a new holiday", async () => {
    const { calendarDays, procedures } = await import("@/db/schema");
    const api = await apiCtxOf(h.db, org.unitIds.center);
    // Friday 05/12/2025 09:00 + 3 working days = Wednesday 10/12 09:00; read (and kept) at this version.
    const before = await receiveDossier(api, {
      ...citizen,
      procedureId: procs.birth,
      receivedAt: "2025-12-05T02:00:00Z",
    });
    expect(before.dueAt?.toISOString()).toBe("2025-12-10T02:00:00.000Z");
    await h.db
      .insert(calendarDays)
      .values({ date: "2025-12-08", kind: "holiday", name: "Ngày nghỉ thử nghiệm", confirmed: true });
    const after = await receiveDossier(api, {
      ...citizen,
      procedureId: procs.birth,
      receivedAt: "2025-12-05T02:00:00Z",
    });
    expect(after.dueAt?.toISOString()).toBe("2025-12-11T02:00:00.000Z");
    await h.db.update(procedures).set({ active: false }).where(eq(procedures.id, procs.birth));
    const e = await validationErrors(
      receiveDossier(api, { ...citizen, procedureId: procs.birth, receivedAt: "2025-12-05T02:00:00Z" }),
    );
    expect(e.procedureId).toBe("Thủ tục hành chính không tồn tại hoặc đã ngừng áp dụng.");
    await h.db.update(procedures).set({ active: true }).where(eq(procedures.id, procs.birth));
    await h.db.delete(calendarDays).where(eq(calendarDays.date, "2025-12-08"));
    const numbers = [before, after].map((r) => Number(r.code.split("-").at(-1)));
    expect(numbers[1]).toBe(numbers[0] + 1);
  });

  it("in a batch of concurrent intakes, a faulty one fails alone and the others keep consecutive numbers", async () => {
    const api = await apiCtxOf(h.db, org.unitIds.center);
    const at = "2025-12-15T02:00:00Z";
    await receiveDossier(api, {
      ...citizen,
      procedureId: procs.birth,
      receivedAt: at,
      nationalCode: "G22-251215-000009",
    });
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        receiveDossier(api, {
          ...citizen,
          submitterName: `Phan Văn Hùng ${i}`,
          procedureId: procs.birth,
          receivedAt: at,
          ...(i === 7 ? { nationalCode: "G22-251215-000009" } : {}),
        }),
      ),
    );
    const failed = settled.flatMap((r, i) => (r.status === "rejected" ? [i] : []));
    expect(failed).toEqual([7]);
    expect((settled[7] as PromiseRejectedResult).reason).toBeInstanceOf(ValidationError);
    const numbers = settled
      .flatMap((r) => (r.status === "fulfilled" ? [Number(r.value.code.split("-").at(-1))] : []))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 19 }, (_, i) => i + 2));
    // Dossiers written together reach the search table together (one insert per statement, migration 0010).
    const { dossierSearch } = await import("@/db/schema");
    const ids = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : []));
    const searchable = await h.db
      .select({ id: dossierSearch.dossierId, text: dossierSearch.searchText })
      .from(dossierSearch)
      .where(inArray(dossierSearch.dossierId, ids));
    expect(searchable).toHaveLength(19);
    expect(searchable.every((r) => r.text.includes("phan van hung"))).toBe(true);
  });

  it("keeps counting past 9999 inside a batch", async () => {
    const { dossierSequences } = await import("@/db/schema");
    const api = await apiCtxOf(h.db, org.unitIds.center);
    await h.db.insert(dossierSequences).values({ unitCode: "H27.37", day: "251216", last: 9997 });
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        receiveDossier(api, { ...citizen, procedureId: procs.birth, receivedAt: "2025-12-16T02:00:00Z" }),
      ),
    );
    expect(results.map((r) => r.code).sort()).toEqual([
      "H27.37-251216-10000",
      "H27.37-251216-10001",
      "H27.37-251216-9998",
      "H27.37-251216-9999",
    ]);
  });
});
