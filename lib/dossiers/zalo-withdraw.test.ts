import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, dossiers, notifications, zaloFollowers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { startHomeSupportHarness } from "@/lib/zalo-webhook/chat-harness";
import { routeDossierEvents } from "@/lib/notifications/router";
import { skipReasons } from "@/lib/notifications/routing";
import { insertTestDossier, insertTestEvent, seedTemplates } from "@/lib/notifications/testing";
import { withdrawZaloAtCounter } from "./zalo-withdraw";

/**
 * Through the HTTP Zalo simulator: a citizen proves their phone with the ZBS one-time code, then withdraws Zalo
 * notifications by the chat keyword, and the next status change of their dossier reaches their phone no more.
 */
let h: DbHandle;
let t: Awaited<ReturnType<typeof startHomeSupportHarness>>;
const PHONE = "0912800001";
const PHONE84 = "84912800001";

beforeAll(async () => {
  h = await useTestDb();
  t = await startHomeSupportHarness(h.db);
  await seedTemplates(h.db);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await h?.close();
});

const templatesOnPhone = async () => (await t.oaMessages(PHONE)).filter((m) => m.kind === "template");

describe("phone proof and withdrawal through the simulator", () => {
  it("the code reaches the phone by ZBS; typed back it links the account", async () => {
    await t.citizen(PHONE, "Phạm Thị Hoa");
    await t.act(PHONE, "submit_info", { name: "Phạm Thị Hoa", address: "Hà Tĩnh" });
    const texts = (await t.oaMessages(PHONE)).map((m) => m.text);
    expect(texts.some((x) => x.startsWith("Ông/Bà đã chia sẻ số điện thoại 0912 800 001"))).toBe(true);
    const otp = /(\d{6})/.exec((await templatesOnPhone()).at(-1)?.text ?? "")?.[1];
    expect(otp).toMatch(/^\d{6}$/);
    await t.say(PHONE, `XN ${otp}`);
    expect((await t.lastReply(PHONE)).text).toMatch(/^Đã xác nhận\./);
    const [f] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.phone84, PHONE84));
    expect(f).toMatchObject({ phoneConfirmedBy: "otp", phoneClaim84: null });
  });

  it('"HUY THONG BAO" stops the next status message of the phone\'s dossier, recorded and audited', async () => {
    const d = await insertTestDossier(h.db, t.org.unitIds.center, { phone84: PHONE84 });
    await insertTestEvent(h.db, d, "received", { phone84: PHONE84 });
    await routeDossierEvents(h.db);
    await t.pump();
    const before = (await templatesOnPhone()).length;
    expect((await templatesOnPhone()).at(-1)?.text).toContain(d.code);

    await t.say(PHONE, "Hủy thông báo");
    expect((await t.lastReply(PHONE)).text).toMatch(/^Đã ghi nhận yêu cầu ngừng nhận thông báo qua Zalo: 1 hồ sơ/);

    // An event written before the withdrawal still carries the old flag: routing reads the dossier's current one.
    const next = await insertTestEvent(h.db, d, "appraising", { phone84: PHONE84, notifyZalo: true });
    await routeDossierEvents(h.db);
    await t.pump();
    expect(await templatesOnPhone()).toHaveLength(before);
    const [n] = await h.db.select().from(notifications).where(eq(notifications.eventId, next.id));
    expect(n).toMatchObject({ status: "skipped", lastError: skipReasons.notRegistered });
    const [row] = await h.db.select().from(dossiers).where(eq(dossiers.id, d.id));
    expect(row).toMatchObject({ notifyZalo: false, zaloWithdrawnVia: "chat" });
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "dossier.zalo_withdrawn"), eq(auditLog.entityId, d.code)));
    expect(audits).toHaveLength(1);
  });
});

describe("withdrawal at the counter", () => {
  it("needs the intake permission and the dossier's unit; it fails the waiting messages and is audited", async () => {
    const d = await insertTestDossier(h.db, t.org.unitIds.center, { phone84: "84912800002" });
    await insertTestEvent(h.db, d, "received", { phone84: "84912800002" });
    await routeDossierEvents(h.db);
    await expect(withdrawZaloAtCounter({ ...t.org.publisher, db: h.db }, { code: d.code })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      withdrawZaloAtCounter({ ...t.org.receptionistThanhSen, db: h.db }, { code: d.code }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await withdrawZaloAtCounter({ ...t.org.receptionist, db: h.db }, { code: d.code })).toEqual({
      stopped: true,
    });
    const [n] = await h.db.select().from(notifications).where(eq(notifications.dossierId, d.id));
    expect(n.status).toBe("failed_permanent");
    const [row] = await h.db.select().from(dossiers).where(eq(dossiers.id, d.id));
    expect(row).toMatchObject({ notifyZalo: false, zaloWithdrawnVia: "counter" });
    const [audit] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "dossier.zalo_withdrawn"), eq(auditLog.entityId, d.code)));
    expect(audit.actorLabel).not.toBe("Hệ thống");
  });
});
