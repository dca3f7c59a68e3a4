import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { type DossierStatus, auditLog, dossierEvents, dossierHistory, dossierReceipts, dossiers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import type { Ctx } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { correctDossier } from "./correct";
import { allowedTransitions, dossierStatuses } from "./lifecycle";
import { receiveDossier } from "./receive";
import { apiCtxOf, citizen, seedTestProcedures } from "./testing";
import { transitionDossier } from "./transition";

const failAudit = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/audit/write", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/audit/write")>();
  return {
    ...original,
    writeAudit: async (...args: Parameters<typeof original.writeAudit>) => {
      if (failAudit.on) throw new Error("audit store unavailable");
      return original.writeAudit(...args);
    },
  };
});

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let procs: Awaited<ReturnType<typeof seedTestProcedures>>;
let centre: Ctx;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  procs = await seedTestProcedures(h.db, org.unitIds.justice);
  centre = await apiCtxOf(h.db, org.unitIds.center);
});
afterAll(() => h.close());
afterEach(() => {
  vi.useRealTimers();
  failAudit.on = false;
});

/** Vietnam time "2025-08-04 09:00" → Date. */
const vn = (s: string) => new Date(`${s.replace(" ", "T")}:00+07:00`);
function at(s: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(vn(s));
}

async function receive(procedureId = procs.birth, receivedAt = "2025-08-04 09:00") {
  return receiveDossier(centre, { ...citizen, procedureId, receivedAt: vn(receivedAt).toISOString() });
}

const extrasFor: Partial<Record<DossierStatus, Record<string, unknown>>> = {
  supplement_requested: { missing: "Bản sao giấy chứng sinh\nGiấy xác nhận cư trú" },
  fee_requested: { fee: { amount: 50_000, paymentUrl: "https://thanhtoan.example.vn/hs/1" } },
  rejected: { reason: "Hồ sơ không thuộc thẩm quyền giải quyết." },
  stopped: { reason: "Công dân đề nghị tạm dừng." },
};

async function eventsOf(dossierId: number) {
  return h.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId)).orderBy(asc(dossierEvents.id));
}

describe("transitionDossier", () => {
  it(
    "takes a dossier through its whole lifecycle to returned, " + "with history, outbox events and audit for each step",
    async () => {
      const r = await receive();
      const path: DossierStatus[] = ["assigned", "appraising", "awaiting_signature", "result_ready", "returned"];
      for (const to of path) {
        const out = await transitionDossier(org.receptionist, { code: r.code, to, note: `Bước ${to}` });
        expect(out.status).toBe(to);
      }
      const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
      expect(d.status).toBe("returned");
      expect(d.finishedAt).not.toBeNull();
      expect(d.returnedAt).not.toBeNull();
      const history = await h.db
        .select()
        .from(dossierHistory)
        .where(eq(dossierHistory.dossierId, r.id))
        .orderBy(asc(dossierHistory.id));
      expect(history.map((x) => x.toStatus)).toEqual(["received", ...path]);
      expect(history.at(-1)).toMatchObject({
        fromStatus: "result_ready",
        actorLabel: "Nguyễn Thị Hương",
        note: "Bước returned",
      });
      expect((await eventsOf(r.id)).map((e) => e.type)).toEqual(["received", "receipt_issued", ...path]);
      const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityId, r.code));
      expect(audits.filter((a) => a.action === "dossier.transition")).toHaveLength(path.length);
    },
  );

  it("allows every transition of the state machine", async () => {
    for (const from of dossierStatuses) {
      for (const to of allowedTransitions(from)) {
        const r = await receive();
        if (from === "submitted")
          await h.db
            .update(dossiers)
            .set({ status: from, nationalCode: `G22-250804-${String(r.id).padStart(4, "0")}` })
            .where(eq(dossiers.id, r.id));
        else await h.db.update(dossiers).set({ status: from }).where(eq(dossiers.id, r.id));
        const before = (await eventsOf(r.id)).length;
        const out = await transitionDossier(org.receptionist, { code: r.code, to, ...extrasFor[to] });
        expect(out.status, `${from} → ${to}`).toBe(to);
        expect((await eventsOf(r.id)).slice(before).map((e) => e.type)[0]).toBe(to);
      }
    }
  });

  it("refuses illegal moves with a Vietnamese message and writes nothing", async () => {
    const r = await receive();
    const before = (await eventsOf(r.id)).length;
    const err = await transitionDossier(org.receptionist, { code: r.code, to: "returned" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toBe('Không thể chuyển hồ sơ từ trạng thái "Đã tiếp nhận" sang "Đã trả kết quả".');
    await transitionDossier(org.receptionist, { code: r.code, to: "withdrawn" });
    await expect(transitionDossier(org.receptionist, { code: r.code, to: "appraising" })).rejects.toThrow(
      'Không thể chuyển hồ sơ từ trạng thái "Công dân rút hồ sơ" sang "Đang thẩm định".',
    );
    await expect(transitionDossier(org.receptionist, { code: r.code, to: "flying" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await eventsOf(r.id)).length).toBe(before + 1);
  });

  it("asks for what each step needs: the missing papers, the fee, a reason", async () => {
    const r = await receive();
    const errs = async (to: string, extra = {}) =>
      (
        (await transitionDossier(org.receptionist, { code: r.code, to, ...extra }).catch(
          (e: unknown) => e,
        )) as ValidationError
      ).fieldErrors;
    expect((await errs("supplement_requested")).missing).toBe("Nhập các giấy tờ cần bổ sung, mỗi dòng một giấy tờ.");
    expect((await errs("fee_requested")).feeAmount).toBe("Nhập số tiền phí, lệ phí cần nộp.");
    expect((await errs("fee_requested", { feeAmount: "-5" }))["fee.amount"]).toBe("Số tiền phải lớn hơn 0.");
    expect((await errs("rejected")).reason).toBe("Nhập lý do.");
    await transitionDossier(org.receptionist, {
      code: r.code,
      to: "fee_requested",
      feeAmount: "1200000",
      paymentUrl: "https://pay.example.vn/x",
    });
    const [event] = (await eventsOf(r.id)).slice(-1);
    expect(event.payload).toMatchObject({
      feeAmount: 1_200_000,
      paymentUrl: "https://pay.example.vn/x",
      status: "fee_requested",
    });
  });

  it("writes the outbox row in the transition's transaction: none when the transaction fails", async () => {
    const r = await receive();
    const before = await eventsOf(r.id);
    failAudit.on = true;
    await expect(transitionDossier(org.receptionist, { code: r.code, to: "assigned" })).rejects.toThrow(
      "audit store unavailable",
    );
    failAudit.on = false;
    expect(await eventsOf(r.id)).toHaveLength(before.length);
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
    expect(d.status).toBe("received");
    const history = await h.db.select().from(dossierHistory).where(eq(dossierHistory.dossierId, r.id));
    expect(history).toHaveLength(1);
  });

  it("joins the caller's transaction and clock (ctx.db, ctx.now); intake refuses to run inside one", async () => {
    const r = await receive();
    const now = vn("2025-08-05 10:00");
    const rollback = new Error("caller rolls back");
    await expect(
      h.db.transaction(async (tx) => {
        const done = await transitionDossier({ ...org.receptionist, db: tx, now }, { code: r.code, to: "assigned" });
        expect(done.status).toBe("assigned");
        await expect(receiveDossier({ ...centre, db: tx }, { ...citizen, procedureId: procs.birth })).rejects.toThrow(
          "outside a transaction",
        );
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
    expect(d.status).toBe("received");
    await transitionDossier({ ...org.receptionist, db: h.db, now }, { code: r.code, to: "assigned" });
    const [after] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
    expect(after).toMatchObject({ status: "assigned", updatedAt: now });
  });

  it("pauses the clock during a supplement request and moves the due date by the working time paused", async () => {
    // Monday 04/08/2025 09:00 + 3 working days = Thursday 07/08 09:00.
    const r = await receive(procs.birth, "2025-08-04 09:00");
    expect(r.dueAt).toEqual(vn("2025-08-07 09:00"));
    await transitionDossier(org.receptionist, { code: r.code, to: "assigned" });
    at("2025-08-05 09:00");
    await transitionDossier(org.receptionist, {
      code: r.code,
      to: "supplement_requested",
      missing: ["Giấy chứng sinh (bản chính)"],
    });
    const [paused] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
    expect(paused.pausedAt).toEqual(vn("2025-08-05 09:00"));
    expect(paused.missingItems).toEqual(["Giấy chứng sinh (bản chính)"]);
    const [event] = (await eventsOf(r.id)).slice(-1);
    expect(event.payload.missing).toEqual(["Giấy chứng sinh (bản chính)"]);
    at("2025-08-06 09:00");
    const out = await transitionDossier(org.receptionist, {
      code: r.code,
      to: "appraising",
      note: "Đã nhận đủ giấy tờ bổ sung",
    });
    // One working day paused (07:30–11:30, 13:30–17:00: 450 minutes) → due one working day later.
    expect(out.dueAt).toEqual(vn("2025-08-08 09:00"));
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
    expect(d).toMatchObject({ pausedAt: null, pausedMinutes: 450, missingItems: null });
    expect(d.originalDueAt).toEqual(vn("2025-08-07 09:00"));
  });

  it("restarts the clock after a supplement when the procedure says so", async () => {
    // Monday 04/08 09:00 + 5 working days = Monday 11/08 09:00.
    const r = await receive(procs.alcohol, "2025-08-04 09:00");
    expect(r.dueAt).toEqual(vn("2025-08-11 09:00"));
    at("2025-08-05 09:00");
    await transitionDossier(org.receptionist, { code: r.code, to: "supplement_requested", missing: "Đơn đề nghị" });
    at("2025-08-06 09:00");
    const out = await transitionDossier(org.receptionist, { code: r.code, to: "appraising" });
    expect(out.dueAt).toEqual(vn("2025-08-13 09:00"));
  });

  it(
    "issues an apology at least one working day before the appointment, " +
      "keeping the legal due date and the late record",
    async () => {
      const r = await receive(procs.birth, "2025-08-04 09:00");
      await transitionDossier(org.receptionist, { code: r.code, to: "assigned" });
      at("2025-08-06 10:00");
      // Less than one working day (390 minutes) before Thursday 09:00.
      await expect(
        transitionDossier(org.receptionist, {
          code: r.code,
          to: "apology",
          reason: "Chờ xác minh",
          newDueAt: "2025-08-12T09:00",
        }),
      ).rejects.toThrow(/chậm nhất 01 ngày làm việc trước hạn/);
      at("2025-08-05 10:00");
      const early = await transitionDossier(org.receptionist, {
        code: r.code,
        to: "apology",
        reason: "Chờ xác minh",
        newDueAt: "2025-08-06T09:00",
      }).catch((e: unknown) => e);
      expect((early as ValidationError).fieldErrors.newDueAt).toMatch(/phải sau ngày hẹn hiện tại/);
      const out = await transitionDossier(org.receptionist, {
        code: r.code,
        to: "apology",
        reason: "Cần xác minh thông tin cư trú",
        newDueAt: "2025-08-12T09:00",
      });
      expect(out).toMatchObject({
        status: "assigned",
        dueAt: vn("2025-08-07 09:00"),
        newDueAt: vn("2025-08-12 09:00"),
      });
      const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
      expect(d).toMatchObject({
        apologyReason: "Cần xác minh thông tin cư trú",
        originalDueAt: vn("2025-08-07 09:00"),
      });
      const [event] = (await eventsOf(r.id)).slice(-1);
      expect(event.type).toBe("apology");
      expect(event.payload).toMatchObject({
        reason: "Cần xác minh thông tin cư trú",
        newDueAt: vn("2025-08-12 09:00").toISOString(),
      });
      const [hist] = (
        await h.db
          .select()
          .from(dossierHistory)
          .where(eq(dossierHistory.dossierId, r.id))
          .orderBy(asc(dossierHistory.id))
      ).slice(-1);
      expect(hist).toMatchObject({ action: "apology", fromStatus: "assigned", toStatus: "assigned" });
      at("2025-08-11 10:00");
      await transitionDossier(org.receptionist, { code: r.code, to: "appraising" });
      await transitionDossier(org.receptionist, { code: r.code, to: "awaiting_signature" });
      await transitionDossier(org.receptionist, { code: r.code, to: "result_ready" });
      const { onTimeState } = await import("./on-time");
      const [done] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
      expect(onTimeState(done, new Date(), new Date())).toBe("late");
      await transitionDossier(org.receptionist, { code: r.code, to: "returned" });
      await expect(
        transitionDossier(org.receptionist, { code: r.code, to: "apology", reason: "x", newDueAt: "2025-09-01" }),
      ).rejects.toBeInstanceOf(ConflictError);
    },
  );

  it(
    "accepts an online dossier at the desk: local code of " + "the reception day, national code kept, receipt v1",
    async () => {
      const r = await receiveDossier(centre, {
        ...citizen,
        procedureId: procs.birth,
        channel: "online",
        startAs: "submitted",
        nationalCode: "G22.15-250801-0042",
      });
      at("2025-08-04 09:00");
      const out = await transitionDossier(org.receptionist, { code: "g22.15-250801-0042", to: "received" });
      expect(out.code).toMatch(/^H27\.37-250804-\d{4}$/);
      expect(out.dueAt).toEqual(vn("2025-08-07 09:00"));
      const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
      expect(d.nationalCode).toBe("G22.15-250801-0042");
      expect(d.receivedByName).toBe("Nguyễn Thị Hương");
      const receipts = await h.db.select().from(dossierReceipts).where(eq(dossierReceipts.dossierId, r.id));
      expect(receipts.map((x) => x.version)).toEqual([1]);
    },
  );

  it("hides other units' dossiers (NotFoundError) and refuses roles without dossiers.transition", async () => {
    const r = await receive();
    await expect(transitionDossier(org.receptionistThanhSen, { code: r.code, to: "assigned" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      transitionDossier(await apiCtxOf(h.db, org.unitIds.thanhsen), { code: r.code, to: "assigned" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(transitionDossier(org.publisher, { code: r.code, to: "assigned" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(transitionDossier(org.supervisor, { code: r.code, to: "assigned" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(transitionDossier(org.admin, { code: r.code, to: "assigned" })).resolves.toMatchObject({
      status: "assigned",
    });
  });
});

describe("correctDossier", () => {
  it("issues a new receipt version and keeps the earlier one", async () => {
    const r = await receive();
    const out = await correctDossier(org.receptionist, {
      ...citizen,
      code: r.code,
      submitterName: "Nguyễn Văn Lâm",
      submitterPhone: "0987 111 222",
      components: ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"],
      setsCount: "2",
      reason: "Sai số điện thoại",
    });
    expect(out.receiptVersion).toBe(2);
    const receipts = await h.db
      .select()
      .from(dossierReceipts)
      .where(eq(dossierReceipts.dossierId, r.id))
      .orderBy(asc(dossierReceipts.version));
    expect(receipts.map((x) => x.version)).toEqual([1, 2]);
    expect((receipts[0].snapshot as { submitter: { phone: string } }).submitter.phone).toBe("0912 345 678");
    expect((receipts[1].snapshot as { submitter: { phone: string } }).submitter.phone).toBe("0987 111 222");
    expect(receipts[1].snapshot).toMatchObject({
      setsCount: 2,
      components: [{ name: "Tờ khai đăng ký khai sinh", copies: 1, original: true }, { name: "Giấy chứng sinh" }],
    });
    await expect(correctDossier(org.receptionistThanhSen, { ...citizen, code: r.code })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(correctDossier(org.publisher, { ...citizen, code: r.code })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
