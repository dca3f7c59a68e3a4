import { and, asc, eq, isNull, or } from "drizzle-orm";
import { cannedAnswers, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope, unitScopeOf } from "@/lib/auth/scope";
import { dbOf } from "@/lib/services/context";
import { getConversationSettings } from "./settings";

/** The settings page: the settings row, the canned answers the caller may manage, and the units to assign them to. */
export async function conversationAdminView(ctx: Ctx) {
  requirePermission(ctx, "conversations.manage");
  const db = dbOf(ctx);
  const all = unitScopeOf(ctx).kind === "all";
  const [settings, canned, unitRows] = await Promise.all([
    getConversationSettings(db),
    db
      .select({
        id: cannedAnswers.id,
        unitId: cannedAnswers.unitId,
        title: cannedAnswers.title,
        body: cannedAnswers.body,
        unitName: units.name,
      })
      .from(cannedAnswers)
      .leftJoin(units, eq(units.id, cannedAnswers.unitId))
      .where(all ? undefined : or(isNull(cannedAnswers.unitId), inUnitScope(ctx, cannedAnswers.unitId)))
      .orderBy(asc(cannedAnswers.title), asc(cannedAnswers.id)),
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.active, true), inUnitScope(ctx, units.id)))
      .orderBy(asc(units.path)),
  ]);
  return { settings, canned, units: unitRows, canShare: all };
}
