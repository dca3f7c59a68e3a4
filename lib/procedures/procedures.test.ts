import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, procedures } from "@/db/schema";
import { seedProcedures } from "@/lib/seed/procedures";
import { useTestDb } from "@/db/testing";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { getProcedure, getProcedureByCode, listProcedureFields, listProcedures } from "./queries";
import { reactivateProcedure, retireProcedure } from "./retire";
import { createProcedure, updateProcedure } from "./save";
import { searchProceduresForIntake } from "./search";
import { procedureSearchText } from "./search-text";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;

const base = {
  name: "Thủ tục thử nghiệm cấp giấy phép",
  field: "Thử nghiệm",
  processingDays: "5",
  components: [{ name: "Đơn đề nghị", copies: 1 }],
  deliveryMethods: ["counter"],
};

async function auditsFor(id: number) {
  return h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "procedure"), eq(auditLog.entityId, String(id))));
}

async function fieldErrorsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  const err = await p.catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).fieldErrors;
}

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  await seedProcedures(h.db);
});
afterAll(() => h.close());

describe("procedure search", () => {
  it("finds 'Thủ tục đăng ký khai sinh' typed without diacritics, first", async () => {
    const options = await searchProceduresForIntake(org.receptionist, "dang ky khai sinh");
    expect(options[0]).toMatchObject({ code: "1.001193", name: "Thủ tục đăng ký khai sinh" });
    const words = await listProcedures(org.receptionist, { q: "khai sinh" });
    expect(words.rows.map((r) => r.name)).toContain("Thủ tục đăng ký khai sinh");
  });

  it("finds by national code, the exact code first", async () => {
    const options = await searchProceduresForIntake(org.receptionist, "1.001193");
    expect(options.map((o) => o.code)).toEqual(["1.001193"]);
  });

  it("matches words in any order, with or without diacritics and in any case", async () => {
    for (const q of ["ruou", "BÁN LẺ RƯỢU", "ruou ban le"]) {
      const names = (await searchProceduresForIntake(org.receptionist, q)).map((o) => o.name);
      expect(names, q).toContain("Cấp Giấy phép bán lẻ rượu");
      expect(
        names.every((n) => /rượu/i.test(n)),
        q,
      ).toBe(true);
    }
  });

  it("treats LIKE wildcards as plain characters and a blank term as no search", async () => {
    expect(await searchProceduresForIntake(org.receptionist, "%")).toEqual([]);
    expect(await searchProceduresForIntake(org.receptionist, "   ")).toEqual([]);
  });

  it("offers a procedure tied to a handling unit only to desks in that unit's scope", async () => {
    const lltp = "ly lich tu phap";
    const atCentre = await searchProceduresForIntake(org.receptionist, lltp);
    expect(atCentre.map((o) => o.name).some((n) => n.startsWith("Cấp Phiếu lý lịch tư pháp"))).toBe(true);
    expect(await searchProceduresForIntake(org.receptionistThanhSen, lltp)).toEqual([]);
    // A commune-level procedure has no handling unit and is offered at every desk.
    expect((await searchProceduresForIntake(org.receptionistThanhSen, "khai sinh")).length).toBeGreaterThan(0);
  });

  it("lists the whole catalogue to every role that reads it, filtered by field and paginated", async () => {
    for (const ctx of [org.receptionistThanhSen, org.publisher, org.supervisor]) {
      const page = await listProcedures(ctx, { field: "Chứng thực", pageSize: "10", page: "1" });
      expect(page.total).toBe(8);
      expect(page.rows).toHaveLength(8);
      expect(page.rows.every((r) => r.field === "Chứng thực")).toBe(true);
    }
    const p2 = await listProcedures(org.admin, { pageSize: "10", page: "2" });
    expect(p2.rows).toHaveLength(10);
    expect(p2.total).toBe(32);
    expect(await listProcedureFields(org.receptionist)).toContain("Hộ tịch");
  });

  it("survives a hand-edited URL: bad filters fall back to defaults", async () => {
    const page = await listProcedures(org.admin, { page: "-3", pageSize: "abc", status: "weird" });
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 32 });
  });
});

describe("procedure permissions", () => {
  it("a receptionist, publisher or supervisor cannot create, update, retire or reactivate", async () => {
    const [row] = await h.db.select().from(procedures).limit(1);
    for (const ctx of [org.receptionist, org.publisher, org.supervisor]) {
      await expect(createProcedure(ctx, base)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateProcedure(ctx, { ...base, id: row.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(retireProcedure(ctx, { id: row.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(reactivateProcedure(ctx, { id: row.id })).rejects.toBeInstanceOf(ForbiddenError);
    }
    const [after] = await h.db.select().from(procedures).where(eq(procedures.id, row.id));
    expect(after).toEqual(row);
  });
});

describe("procedure create, update, retire", () => {
  it("creates a procedure from form fields, with its search text and an audit row", async () => {
    const { id } = await createProcedure(org.admin, {
      code: "1.999001",
      name: "  Cấp  giấy phép   thử nghiệm ",
      field: "Thử nghiệm",
      level: "tinh",
      unitId: String(org.unitIds.justice),
      processingDays: "2,5",
      feeText: "1.000.000 đồng/hồ sơ",
      feeAmount: "1.000.000",
      componentName: ["Đơn đề nghị", "Bản sao giấy tờ tùy thân", ""],
      componentCopies: ["1", "2", ""],
      componentOriginal: ["1", "0", "0"],
      deliveryMethods: ["", "counter", "online"],
      cutoffTime: "15:00",
      supplementClock: "restart",
    });
    const p = await getProcedure(org.receptionist, id);
    expect(p).toMatchObject({
      name: "Cấp giấy phép thử nghiệm",
      processingDays: 2.5,
      feeAmount: 1_000_000,
      unitName: "Sở Tư pháp tỉnh Hà Tĩnh",
      components: [
        { name: "Đơn đề nghị", copies: 1, original: true },
        { name: "Bản sao giấy tờ tùy thân", copies: 2 },
      ],
      deliveryMethods: ["counter", "online"],
      cutoffTime: "15:00",
      supplementClock: "restart",
      searchText: "1.999001 cap giay phep thu nghiem thu nghiem",
    });
    const audits = await auditsFor(id);
    expect(audits.map((a) => a.action)).toEqual(["procedure.create"]);
    expect(audits[0].actorId).toBe(org.admin.actor.id);
  });

  it("updates only what changed, audits the difference and refreshes the search text", async () => {
    const { id } = await createProcedure(org.admin, { ...base, name: "Thủ tục cũ tên" });
    await updateProcedure(org.admin, {
      ...base,
      id: String(id),
      name: "Thủ tục đổi tên mới",
      processingDays: "",
      processingHours: "4",
    });
    const p = await getProcedure(org.admin, id);
    expect(p).toMatchObject({ name: "Thủ tục đổi tên mới", processingDays: null, processingHours: 4 });
    expect((await searchProceduresForIntake(org.receptionist, "doi ten moi")).map((o) => o.id)).toEqual([id]);
    const update = (await auditsFor(id)).find((a) => a.action === "procedure.update")!;
    expect(Object.keys(update.changes!).sort()).toEqual(["name", "processingDays", "processingHours"]);
    const again = await updateProcedure(org.admin, {
      ...base,
      id,
      name: "Thủ tục đổi tên mới",
      processingDays: "",
      processingHours: "4",
    });
    expect(again.changed).toBe(false);
    expect((await auditsFor(id)).filter((a) => a.action === "procedure.update")).toHaveLength(1);
  });

  it("retires with an audit row, hides the procedure from intake search, and reactivates", async () => {
    const { id } = await createProcedure(org.admin, { ...base, name: "Thủ tục sắp ngừng áp dụng" });
    expect(await searchProceduresForIntake(org.receptionist, "sap ngung ap dung")).toHaveLength(1);
    await retireProcedure(org.admin, { id: String(id), reason: "Bãi bỏ theo quyết định mới" });
    expect(await searchProceduresForIntake(org.receptionist, "sap ngung ap dung")).toEqual([]);
    expect((await listProcedures(org.admin, { q: "sap ngung ap dung" })).total).toBe(0);
    expect((await listProcedures(org.admin, { q: "sap ngung ap dung", status: "retired" })).total).toBe(1);
    const retired = await getProcedure(org.receptionist, id);
    expect(retired).toMatchObject({ active: false });
    expect(retired!.retiredAt).toBeInstanceOf(Date);
    await expect(retireProcedure(org.admin, { id })).rejects.toBeInstanceOf(ConflictError);

    await reactivateProcedure(org.admin, { id });
    expect(await searchProceduresForIntake(org.receptionist, "sap ngung ap dung")).toHaveLength(1);
    expect((await getProcedure(org.admin, id))!.retiredAt).toBeNull();
    expect((await auditsFor(id)).map((a) => a.action)).toEqual([
      "procedure.create",
      "procedure.retire",
      "procedure.reactivate",
    ]);
  });
});

describe("procedure validation", () => {
  it("explains missing name and field in Vietnamese", async () => {
    const e = await fieldErrorsOf(createProcedure(org.admin, { ...base, name: "  ", field: "" }));
    expect(e.name).toBe("Tên thủ tục: bắt buộc nhập.");
    expect(e.field).toBe("Lĩnh vực: bắt buộc nhập.");
  });

  it("rejects negative or fractional processing times and both units at once", async () => {
    expect((await fieldErrorsOf(createProcedure(org.admin, { ...base, processingDays: "-1" }))).processingDays).toBe(
      "Số ngày xử lý không được âm.",
    );
    expect(
      (await fieldErrorsOf(createProcedure(org.admin, { ...base, processingDays: "1,3" }))).processingDays,
    ).toMatch(/nửa ngày/);
    expect(
      (await fieldErrorsOf(createProcedure(org.admin, { ...base, processingDays: "abc" }))).processingDays,
    ).toMatch(/phải là một số/);
    expect(
      (await fieldErrorsOf(createProcedure(org.admin, { ...base, processingHours: "-2", processingDays: "" })))
        .processingHours,
    ).toBe("Số giờ xử lý không được âm.");
    expect(
      (await fieldErrorsOf(createProcedure(org.admin, { ...base, processingDays: "1", processingHours: "4" })))
        .processingHours,
    ).toMatch(/không nhập cả hai/);
  });

  it("rejects a badly formed code and a code already in use", async () => {
    expect((await fieldErrorsOf(createProcedure(org.admin, { ...base, code: "1-004227" }))).code).toMatch(
      /Mã thủ tục không đúng định dạng/,
    );
    expect((await fieldErrorsOf(createProcedure(org.admin, { ...base, code: "1.001193" }))).code).toMatch(
      /đã được dùng cho "Thủ tục đăng ký khai sinh"/,
    );
    const ok = await createProcedure(org.admin, { ...base, code: "1.004873.000.00.00.h01" });
    expect((await getProcedure(org.admin, ok.id))!.code).toBe("1.004873.000.00.00.H01");
  });

  it("checks components, delivery methods, cut-off time, fee and handling unit", async () => {
    const e = await fieldErrorsOf(
      createProcedure(org.admin, {
        ...base,
        components: undefined,
        componentName: ["Đơn", "Tờ khai"],
        componentCopies: ["0", "x"],
        deliveryMethods: [""],
        cutoffTime: "25:00",
        feeAmount: "-5",
        unitId: "999999",
      }),
    );
    expect(e["components.0.copies"]).toBe("Số bản ít nhất là 1.");
    expect(e["components.1.copies"]).toBe("Số bản phải là số nguyên.");
    expect(e.deliveryMethods).toBe("Chọn ít nhất một hình thức trả kết quả.");
    expect(e.cutoffTime).toMatch(/HH:mm/);
    expect(e.feeAmount).toBe("Số tiền không được âm.");
    const unit = await fieldErrorsOf(createProcedure(org.admin, { ...base, unitId: "999999" }));
    expect(unit.unitId).toMatch(/Đơn vị xử lý không tồn tại/);
  });

  it("writes nothing when validation fails", async () => {
    const [{ before }] = await h.db.select({ before: count() }).from(procedures);
    await createProcedure(org.admin, { ...base, name: "" }).catch(() => {});
    const [{ after }] = await h.db.select({ after: count() }).from(procedures);
    expect(after).toBe(before);
  });
});

describe("procedure seed", () => {
  it("is idempotent: a second run inserts nothing", async () => {
    const [{ n: first }] = await h.db.select({ n: count() }).from(procedures).where(eq(procedures.field, "Hộ tịch"));
    const total = (await h.db.select({ n: count() }).from(procedures))[0].n;
    expect(await seedProcedures(h.db)).toBe(0);
    expect((await h.db.select({ n: count() }).from(procedures))[0].n).toBe(total);
    expect(first).toBe(5);
  });

  it("maps the published data: times, fees, cut-off, components, handling unit", async () => {
    const khaiSinh = (await getProcedureByCode(h.db, "1.001193"))!;
    expect(khaiSinh).toMatchObject({ level: "xa", unitId: null, processingDays: 1, cutoffTime: "15:00" });
    expect(khaiSinh.components[0]).toEqual({ name: "Tờ khai đăng ký khai sinh (theo mẫu)", copies: 1 });
    expect((await getProcedureByCode(h.db, "2.000635"))!.feeAmount).toBe(8000);
    expect((await getProcedureByCode(h.db, "2.000815"))!.feeAmount).toBeNull();
    expect((await getProcedureByCode(h.db, "2.000908"))!.feeAmount).toBe(0);
    const gpxd = (await getProcedureByCode(h.db, "1.013225"))!;
    expect(gpxd.components).toContainEqual({ name: "Bản vẽ thiết kế xây dựng", copies: 2 });
    expect(gpxd.processingNote).toMatch(/ngày theo lịch/);
    const land = (await getProcedureByCode(h.db, "1.012784"))!;
    expect(land).toMatchObject({ level: "tinh", unitId: org.unitIds.center, processingDays: 12 });
    const [noTime] = await h.db
      .select()
      .from(procedures)
      .where(eq(procedures.name, "Chuyển trường đối với học sinh trung học cơ sở"));
    expect(noTime).toMatchObject({ processingDays: null, processingHours: null, code: "2.002481" });
    const fields = new Set((await h.db.select({ f: procedures.field }).from(procedures)).map((r) => r.f));
    for (const f of [
      "Hộ tịch",
      "Chứng thực",
      "Lý lịch tư pháp",
      "Đất đai",
      "Thành lập và hoạt động của hộ kinh doanh",
      "Lưu thông hàng hóa trong nước",
      "Kinh doanh khí",
      "An toàn thực phẩm",
    ]) {
      expect(fields.has(f), f).toBe(true);
    }
  });

  it("stores the same search text the service computes", async () => {
    const rows = await h.db.select().from(procedures);
    for (const r of rows) expect(r.searchText, r.name).toBe(procedureSearchText(r));
  });

  it("getProcedureByCode ignores case and surrounding spaces, and returns null for unknown codes", async () => {
    expect((await getProcedureByCode(h.db, " 1.001193 "))!.name).toBe("Thủ tục đăng ký khai sinh");
    expect(await getProcedureByCode(h.db, "9.999999")).toBeNull();
    expect(await getProcedureByCode(h.db, "")).toBeNull();
  });
});
