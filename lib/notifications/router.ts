import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  type NotificationTemplate,
  dossierEvents,
  notificationTemplates,
  notifications,
  units,
  zaloFollowers,
} from "@/db/schema";
import { dossiersWithoutZalo } from "@/lib/dossiers/zalo-withdraw";
import { type LinkedFollower, routeEvent } from "./routing";

/**
 * Outbox consumer: claims undispatched dossier events (FOR UPDATE SKIP LOCKED), writes one notification
 * per event — or a "skipped" row saying why none — and marks the events dispatched, all in one transaction.
 */
export async function routeDossierEvents(db: DbOrTx, limit = 200, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx
      .select()
      .from(dossierEvents)
      .where(isNull(dossierEvents.dispatchedAt))
      .orderBy(asc(dossierEvents.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (!events.length) return 0;

    const types = [...new Set(events.map((e) => e.type))];
    const templates = new Map<string, NotificationTemplate>(
      (await tx.select().from(notificationTemplates).where(inArray(notificationTemplates.eventType, types))).map(
        (t) => [t.eventType, t],
      ),
    );
    const unitIds = [...new Set(events.map((e) => e.unitId))];
    const unitNames = new Map(
      (await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))).map((u) => [
        u.id,
        u.name,
      ]),
    );
    const followers = await followersByPhone(
      tx,
      events.flatMap((e) =>
        templates.get(e.type)?.channels.includes("cs") && e.payload.phone84 ? [e.payload.phone84] : [],
      ),
    );

    const withdrawn = await dossiersWithoutZalo(
      tx,
      events.map((e) => e.dossierId),
    );
    const rows: (typeof notifications.$inferInsert)[] = events.map((e) => {
      const payload = withdrawn.has(e.dossierId) ? { ...e.payload, notifyZalo: false } : e.payload;
      const ctx = { payload, unitName: unitNames.get(e.unitId) ?? "", eventAt: e.createdAt };
      const decision = routeEvent(
        templates.get(e.type),
        ctx,
        (e.payload.phone84 && followers.get(e.payload.phone84)) || null,
        now,
      );
      const base = {
        dossierId: e.dossierId,
        unitId: e.unitId,
        eventId: e.id,
        eventType: e.type,
        createdAt: e.createdAt,
      };
      if ("skipReason" in decision) return { ...base, status: "skipped" as const, lastError: decision.skipReason };
      const [first, ...rest] = decision.routes;
      return {
        ...base,
        status: "queued" as const,
        channel: first.channel,
        recipient: first.recipient,
        templateId: first.templateId,
        params: first.params,
        fallbacks: rest,
      };
    });
    await tx.insert(notifications).values(rows);
    await tx
      .update(dossierEvents)
      .set({ dispatchedAt: sql`now()` })
      .where(
        inArray(
          dossierEvents.id,
          events.map((e) => e.id),
        ),
      );
    return events.length;
  });
}

/** The most recently active following Zalo user per phone (a phone shared by several accounts: the latest wins). */
async function followersByPhone(tx: DbOrTx, phones: string[]): Promise<Map<string, LinkedFollower>> {
  const out = new Map<string, LinkedFollower>();
  if (!phones.length) return out;
  const rows = await tx
    .select({
      phone84: zaloFollowers.phone84,
      oaUserId: zaloFollowers.oaUserId,
      lastInteractionAt: zaloFollowers.lastInteractionAt,
    })
    .from(zaloFollowers)
    .where(
      and(
        inArray(zaloFollowers.phone84, [...new Set(phones)]),
        isNotNull(zaloFollowers.phone84),
        eq(zaloFollowers.following, true),
      ),
    )
    .orderBy(sql`${zaloFollowers.lastInteractionAt} desc nulls last`);
  for (const r of rows)
    if (r.phone84 && !out.has(r.phone84))
      out.set(r.phone84, { oaUserId: r.oaUserId, lastInteractionAt: r.lastInteractionAt });
  return out;
}
