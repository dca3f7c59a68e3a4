import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, notificationTemplates, notifications } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { previewTemplate } from "./preview";
import { deliveryOverview, listDossierNotifications, listNotificationTemplates } from "./queries";
import { resendNotification } from "./resend";
import { routeDossierEvents } from "./router";
import { saveNotificationTemplate } from "./save-template";
import { sendDueNotifications } from "./sender";
import { updateNotificationSettings } from "./settings";
import { fakeTransport, insertTestDossier, insertTestEvent, seedTemplates } from "./testing";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let failedId: number;
let dossierId: number;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  await seedTemplates(h.db);
  await updateNotificationSettings(h.db, { rateLimitEnabled: false });
  const d = await insertTestDossier(h.db, org.unitIds.center, { phone84: "84912000108" });
  dossierId = d.id;
  await insertTestEvent(h.db, d, "received", { phone84: "84912000108" });
  await routeDossierEvents(h.db);
  await sendDueNotifications(h.db, "w", new AbortController().signal, {
    transport: fakeTransport({ failWith: () => -108 }).transport,
  });
  [{ id: failedId }] = await h.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.dossierId, d.id));
});
afterAll(() => h.close());

describe("re-send", () => {
  it("refuses staff without notifications.resend and staff of another unit", async () => {
    await expect(resendNotification(org.publisher, { id: failedId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resendNotification(org.receptionistThanhSen, { id: failedId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(resendNotification(org.receptionist, { id: "x" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("queues the same notification again (same tracking id), audited, and only when it failed for good", async () => {
    await resendNotification(org.receptionist, { id: String(failedId) });
    const [row] = await h.db.select().from(notifications).where(eq(notifications.id, failedId));
    expect(row).toMatchObject({ status: "queued", attempts: 0, resendCount: 1 });
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "notification.resend"), eq(auditLog.entityId, String(failedId))));
    expect(audit).toHaveLength(1);
    await expect(resendNotification(org.receptionist, { id: failedId })).rejects.toBeInstanceOf(ConflictError);
    const zalo = fakeTransport();
    await sendDueNotifications(h.db, "w", new AbortController().signal, { transport: zalo.transport });
    expect(zalo.accepted.map((a) => a.trackingId)).toEqual([`n${failedId}`]);
  });
});

describe("dossier notification list", () => {
  it("shows the dossier's notifications to its unit only", async () => {
    const mine = await listDossierNotifications(org.receptionist, dossierId);
    expect(mine?.items.map((i) => i.eventLabel)).toEqual(["Tiếp nhận hồ sơ"]);
    expect(await listDossierNotifications(org.receptionistThanhSen, dossierId)).toBeNull();
    await expect(listDossierNotifications(org.publisher, dossierId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("delivery overview", () => {
  it("is for notifications.admin, scoped to the caller's units", async () => {
    await h.db
      .update(notifications)
      .set({
        status: "failed_permanent",
        failedAt: new Date(),
        lastErrorCode: -118,
        lastError: "Số điện thoại chưa đăng ký Zalo",
      })
      .where(eq(notifications.id, failedId));
    await expect(deliveryOverview(org.receptionist)).rejects.toBeInstanceOf(ForbiddenError);
    const all = await deliveryOverview(org.admin);
    expect(all.failures.map((f) => f.id)).toContain(failedId);
    expect(all.last24h.reasons.some((r) => r.code === -118)).toBe(true);
    const [elsewhere] = await h.db
      .insert(notifications)
      .values({
        dossierId,
        unitId: org.unitIds.thachha,
        eventId: 0,
        eventType: "received",
        status: "failed_permanent",
        failedAt: new Date(),
        lastErrorCode: -108,
        lastError: "Số điện thoại không hợp lệ",
      })
      .returning();
    const office = await deliveryOverview(org.supervisor);
    expect(office.failures.map((f) => f.id)).toContain(failedId);
    expect(office.failures.map((f) => f.id)).not.toContain(elsewhere.id);
    expect((await deliveryOverview(org.admin)).failures.map((f) => f.id)).toContain(elsewhere.id);
  });
});

describe("templates", () => {
  it("only templates.manage may edit; bad mappings get a message on the field", async () => {
    const input = {
      eventType: "received",
      label: "Tiếp nhận hồ sơ",
      enabled: "on",
      channels: "cs,zbs",
      zbsTemplateId: "310001",
      zbsParams: "customer_name = submitterName : 30\ndossier_code = code : 30",
      csText: "Hồ sơ {code} đã được tiếp nhận.",
    };
    await expect(saveNotificationTemplate(org.receptionist, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listNotificationTemplates(org.supervisor)).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await saveNotificationTemplate(org.admin, {
      ...input,
      zbsParams: "customer_name = nope : 30",
      csText: "{bogus}",
    }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.fieldErrors.zbsParams).toMatch(/nope/);
    expect(bad.fieldErrors.csText).toMatch(/bogus/);
    await saveNotificationTemplate(org.admin, input);
    const [t] = await h.db.select().from(notificationTemplates).where(eq(notificationTemplates.eventType, "received"));
    expect(t).toMatchObject({ channels: ["cs", "zbs"], updatedBy: "admin" });
    expect(t.zbsParams).toEqual([
      { param: "customer_name", field: "submitterName", maxLength: 30 },
      { param: "dossier_code", field: "code", maxLength: 30 },
    ]);
  });

  it("previews a template with an example dossier", () => {
    const p = previewTemplate({
      zbsParams: [{ param: "amount", field: "feeAmountText", maxLength: 30 }],
      csText: "Phí {feeAmount} đ, hẹn {dueAt}",
    });
    expect(p.zbs).toEqual({ amount: "1.000.000 đồng" });
    expect(p.cs).toBe("Phí 1.000.000 đ, hẹn sau 9 giờ 9 phút, ngày 26/02/2024");
  });
});
