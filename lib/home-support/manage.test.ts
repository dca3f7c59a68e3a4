import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, homeSupportRegistrations, homeSupportSlotLoad } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { seedHomeSupport } from "@/lib/seed/home-support";
import { seedProcedures } from "@/lib/seed/procedures";
import { loadBotTexts } from "@/lib/chat-flows/texts";
import { resolveTrigger } from "@/lib/oa-menu/registry";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { saveBotText, saveOaMenu } from "@/lib/oa-menu/save";
import { defaultMenu } from "@/lib/oa-menu/entries";
import { seedTestOrg } from "@/lib/testing";
import { saveCapacity } from "./capacity";
import { addRegistrationNote, assignRegistration, changeRegistrationStatus, linkDossierToRegistration } from "./manage";
import { intakePrefill } from "./prefill";
import { getRegistration, listRegistrations } from "./queries";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
const byCode = async (code: string) =>
  (await h.db.select().from(homeSupportRegistrations).where(eq(homeSupportRegistrations.code, code)))[0];

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  await seedProcedures(h.db);
  await seedHomeSupport(h.db);
});
afterAll(async () => {
  await h?.close();
});

describe("staff queue", () => {
  it(
    "lists the unit's registrations, searches without diacritics, " + "filters by status; another unit sees none",
    async () => {
      const all = await listRegistrations(org.receptionist, {});
      expect(all.total).toBe(7);
      expect((await listRegistrations(org.receptionist, { q: "nguyen thi huong" })).rows.map((r) => r.code)).toEqual([
        "HT-D0001",
      ]);
      expect((await listRegistrations(org.receptionist, { q: "0912340002" })).rows.map((r) => r.code)).toEqual([
        "HT-D0002",
      ]);
      expect((await listRegistrations(org.receptionist, { status: "no_show" })).rows.map((r) => r.code)).toEqual([
        "HT-D0007",
      ]);
      expect((await listRegistrations(org.receptionistThanhSen, {})).total).toBe(0);
      await expect(listRegistrations(org.publisher, {})).rejects.toBeInstanceOf(ForbiddenError);
    },
  );

  it("moves statuses forward only, audits each move, and frees the place of a cancelled booking", async () => {
    const reg = await byCode("HT-D0001");
    await expect(changeRegistrationStatus(org.receptionist, { id: reg.id, status: "done" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await changeRegistrationStatus(org.receptionist, { id: reg.id, status: "verified" });
    const load = async () =>
      (
        await h.db
          .select()
          .from(homeSupportSlotLoad)
          .where(and(eq(homeSupportSlotLoad.slotDate, reg.slotDate), eq(homeSupportSlotLoad.slot, reg.slot)))
      )[0].booked;
    expect(await load()).toBe(1);
    await changeRegistrationStatus(org.receptionist, { id: reg.id, status: "cancelled" });
    expect(await load()).toBe(0);
    await expect(changeRegistrationStatus(org.receptionist, { id: reg.id, status: "verified" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, "homesupport.status"));
    expect(audits.map((a) => a.summary)).toEqual([
      "HT-D0001: Mới đăng ký → Đã xác minh",
      "HT-D0001: Đã xác minh → Đã hủy",
    ]);
  });

  it("refuses another unit's staff, a supervisor's changes and a call note without outcome", async () => {
    const reg = await byCode("HT-D0002");
    await expect(
      changeRegistrationStatus(org.receptionistThanhSen, { id: reg.id, status: "contacted" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addRegistrationNote(org.receptionistThanhSen, { id: reg.id, kind: "note", body: "x" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await getRegistration(org.receptionistThanhSen, reg.id)).toBeNull();
    await expect(changeRegistrationStatus(org.supervisor, { id: reg.id, status: "contacted" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      addRegistrationNote(org.receptionist, { id: reg.id, kind: "call", body: "Gọi" }),
    ).rejects.toMatchObject({ fieldErrors: { outcome: "Chọn kết quả cuộc gọi." } });
    await addRegistrationNote(org.receptionist, {
      id: reg.id,
      kind: "call",
      outcome: "no_answer",
      body: "Không nghe máy",
    });
    expect((await getRegistration(org.receptionist, reg.id))!.notes[0].note).toMatchObject({
      kind: "call",
      outcome: "no_answer",
    });
  });

  it("assigns only staff of the registration's unit", async () => {
    const reg = await byCode("HT-D0003");
    await expect(
      assignRegistration(org.receptionist, { id: reg.id, assigneeId: org.receptionistThanhSen.actor.id }),
    ).rejects.toBeInstanceOf(ValidationError);
    await assignRegistration(org.receptionist, { id: reg.id, assigneeId: org.receptionist.actor.id });
    expect((await byCode("HT-D0003")).assigneeId).toBe(org.receptionist.actor.id);
  });

  it(
    "pre-fills the intake only inside the caller's scope, " + "and links only a dossier of the registration's unit",
    async () => {
      const reg = await byCode("HT-D0002");
      const prefill = await intakePrefill(org.receptionist, reg.id);
      expect(prefill).toMatchObject({ values: { submitterName: "Trần Văn Lộc", submitterPhone: "0912340002" } });
      expect(prefill!.procedure!.name).toContain("thuốc lá");
      expect(await intakePrefill(org.receptionistThanhSen, reg.id)).toBeNull();
      expect(await intakePrefill(org.supervisor, reg.id)).toBeNull();
      await expect(
        linkDossierToRegistration(org.receptionist, { registrationId: reg.id, dossierId: 999_999 }),
      ).rejects.toBeInstanceOf(ValidationError);
    },
  );

  it("saves capacity per weekday and slot for units in scope only", async () => {
    await saveCapacity(org.receptionist, {
      unitId: org.unitIds.center,
      cells: [
        { weekday: 1, slot: "morning", capacity: "4" },
        { weekday: 2, slot: "morning", capacity: "" },
      ],
    });
    await expect(saveCapacity(org.receptionist, { unitId: org.unitIds.thanhsen, cells: [] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      saveCapacity(org.receptionist, {
        unitId: org.unitIds.center,
        cells: [{ weekday: 1, slot: "morning", capacity: "-1" }],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("OA menu administration", () => {
  it("keeps placeholders in reworded bot texts, and is for administrators only", async () => {
    await expect(saveBotText(org.admin, { key: "confirmed", text: "Đã đăng ký." })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(saveBotText(org.receptionist, { key: "cancelled", text: "Thoát." })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await saveBotText(org.admin, { key: "cancelled", text: "Ông/Bà đã thoát." });
    expect((await loadBotTexts(h.db)).t("cancelled")).toBe("Ông/Bà đã thoát.");
    await saveBotText(org.admin, { key: "cancelled", text: "" });
    expect((await loadBotTexts(h.db)).t("cancelled")).toContain("Đã thoát");
  });

  it(
    "a renamed entry starts its flow by the new keyword; " + "a disabled home-support entry no longer starts it",
    async () => {
      const entries = defaultMenu().map((e) =>
        e.kind === "contacts" ? { ...e, keyword: "Số điện thoại liên hệ" } : e,
      );
      await expect(
        saveOaMenu(
          org.admin,
          entries.map((e) => ({ ...e, keyword: "Trùng" })),
        ),
      ).rejects.toBeInstanceOf(ValidationError);
      await saveOaMenu(
        org.admin,
        entries.map((e) => (e.kind === "home_support" ? { ...e, enabled: false } : e)),
      );
      expect(await resolveTrigger(h.db, "so dien thoai lien he")).toBe("contacts");
      expect(await resolveTrigger(h.db, "dk ho tro tai nha")).toBeNull();
    },
  );
});
