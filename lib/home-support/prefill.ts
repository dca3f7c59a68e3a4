import { and, eq } from "drizzle-orm";
import { homeSupportRegistrations, procedures } from "@/db/schema";
import { type Ctx, can } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import type { ProcedureOption } from "@/lib/procedures/search";
import { dbOf } from "@/lib/services/context";

export interface IntakePrefill {
  homeSupportId: number;
  code: string;
  values: Record<string, string>;
  procedure: ProcedureOption | null;
}

/** What the intake form starts with when opened from a home-support registration (only one in the caller's scope). */
export async function intakePrefill(ctx: Ctx, id: number): Promise<IntakePrefill | null> {
  if (!can(ctx, "homesupport.manage") || !can(ctx, "dossiers.create") || !Number.isSafeInteger(id)) return null;
  const db = dbOf(ctx);
  const [reg] = await db
    .select()
    .from(homeSupportRegistrations)
    .where(and(eq(homeSupportRegistrations.id, id), inUnitScope(ctx, homeSupportRegistrations.unitId)));
  if (!reg) return null;
  const [p] = reg.procedureId
    ? await db
        .select()
        .from(procedures)
        .where(and(eq(procedures.id, reg.procedureId), eq(procedures.active, true)))
    : [];
  const procedure: ProcedureOption | null = p
    ? {
        id: p.id,
        code: p.code,
        name: p.name,
        field: p.field,
        unitId: p.unitId,
        processingDays: p.processingDays,
        processingHours: p.processingHours,
        feeText: p.feeText,
        feeAmount: p.feeAmount,
        components: p.components,
        deliveryMethods: p.deliveryMethods,
        cutoffTime: p.cutoffTime,
      }
    : null;
  return {
    homeSupportId: reg.id,
    code: reg.code,
    values: {
      submitterName: reg.citizenName,
      submitterPhone: reg.phone84 ? `0${reg.phone84.slice(2)}` : "",
      submitterAddress: reg.address ?? "",
      channel: "online",
      notes: `Hỗ trợ tại nhà ${reg.code}${reg.procedureId ? "" : `: ${reg.procedureText}`}`,
      notifyZalo: "on",
    },
    procedure,
  };
}
