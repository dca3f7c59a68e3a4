import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, zaloWebhookEvents } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { listZaloEvents } from "./list";
import { requeueZaloEvent } from "./requeue";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let failedId: number;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  const rows = await h.db
    .insert(zaloWebhookEvents)
    .values([
      { dedupeKey: "a", eventName: "user_send_text", senderId: "2468458835296197922", payload: {}, status: "done" },
      {
        dedupeKey: "b",
        eventName: "follow",
        senderId: "1111222233334444",
        payload: {},
        status: "failed",
        attempts: 8,
        lastError: "Zalo -230: ngoài khung 48 giờ",
      },
      { dedupeKey: "c", eventName: "oa_send_text", payload: {}, status: "ignored" },
    ])
    .returning();
  failedId = rows[1].id;
});
afterAll(() => h.close());

describe("listZaloEvents", () => {
  it("lists events with state, attempts and error, sender masked, filtered by state", async () => {
    const all = await listZaloEvents(org.admin, {});
    expect(all.total).toBe(3);
    expect(all.counts).toMatchObject({ done: 1, failed: 1, ignored: 1 });
    const failed = await listZaloEvents(org.admin, { status: "failed" });
    expect(failed.rows).toHaveLength(1);
    expect(failed.rows[0]).toMatchObject({
      eventName: "follow",
      attempts: 8,
      lastError: "Zalo -230: ngoài khung 48 giờ",
    });
    expect(failed.rows[0].senderId).not.toContain("1111222233334444");
  });

  it("is refused without zalo.events.read", async () => {
    for (const ctx of [org.receptionist, org.supervisor, org.publisher])
      await expect(listZaloEvents(ctx, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("requeueZaloEvent", () => {
  it("is refused without zalo.settings", async () => {
    for (const ctx of [org.receptionist, org.supervisor])
      await expect(requeueZaloEvent(ctx, { id: failedId })).rejects.toBeInstanceOf(ForbiddenError);
    const [row] = await h.db.select().from(zaloWebhookEvents).where(eq(zaloWebhookEvents.id, failedId));
    expect(row.status).toBe("failed");
  });

  it("validates the id and refuses events that are not failed", async () => {
    await expect(requeueZaloEvent(org.admin, { id: "x" })).rejects.toBeInstanceOf(ValidationError);
    const [done] = await h.db.select().from(zaloWebhookEvents).where(eq(zaloWebhookEvents.dedupeKey, "a"));
    await expect(requeueZaloEvent(org.admin, { id: done.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("puts a failed event back in the queue with fresh attempts, and audits it", async () => {
    await requeueZaloEvent(org.admin, { id: String(failedId) });
    const [row] = await h.db.select().from(zaloWebhookEvents).where(eq(zaloWebhookEvents.id, failedId));
    expect(row).toMatchObject({ status: "pending", attempts: 0 });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "zalo.event.requeue"), eq(auditLog.entityId, String(failedId))));
    expect(audits).toHaveLength(1);
    expect(audits[0].actorLabel).toBe("admin");
  });
});
