import { asc, eq, isNull } from "drizzle-orm";
import { officeHours } from "@/db/schema/calendar";
import { units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { DEFAULT_OFFICE_HOURS } from "../working-time";
import { officeHoursInputSchema, officeHoursUnitSchema } from "./schemas";
import { dbOf, withTransaction } from "@/lib/services/context";

export interface OfficeHoursView {
  unitId: number | null;
  unitName: string | null;
  morningStart: string;
  morningEnd: string;
  afternoonStart: string;
  afternoonEnd: string;
  saturdayMorning: boolean;
  updatedAt: Date | null;
}

const builtInDefault: OfficeHoursView = {
  unitId: null,
  unitName: null,
  morningStart: DEFAULT_OFFICE_HOURS.morning[0],
  morningEnd: DEFAULT_OFFICE_HOURS.morning[1],
  afternoonStart: DEFAULT_OFFICE_HOURS.afternoon[0],
  afternoonEnd: DEFAULT_OFFICE_HOURS.afternoon[1],
  saturdayMorning: DEFAULT_OFFICE_HOURS.saturdayMorning,
  updatedAt: null,
};

/** The default office hours and every unit that has its own. */
export async function listOfficeHours(ctx: Ctx): Promise<{ fallback: OfficeHoursView; units: OfficeHoursView[] }> {
  requirePermission(ctx, "calendar.manage");
  const rows = await dbOf(ctx)
    .select({ h: officeHours, unitName: units.name })
    .from(officeHours)
    .leftJoin(units, eq(units.id, officeHours.unitId))
    .orderBy(asc(units.name));
  const view = (r: (typeof rows)[number]): OfficeHoursView => ({
    unitId: r.h.unitId,
    unitName: r.unitName,
    morningStart: r.h.morningStart,
    morningEnd: r.h.morningEnd,
    afternoonStart: r.h.afternoonStart,
    afternoonEnd: r.h.afternoonEnd,
    saturdayMorning: r.h.saturdayMorning,
    updatedAt: r.h.updatedAt,
  });
  const fallback = rows.find((r) => r.h.unitId == null);
  return {
    fallback: fallback ? view(fallback) : builtInDefault,
    units: rows.filter((r) => r.h.unitId != null).map(view),
  };
}

/** Sets the default office hours (no unit) or a unit's own. */
export async function saveOfficeHours(ctx: Ctx, raw: unknown): Promise<void> {
  requirePermission(ctx, "calendar.manage");
  const input = parseInput(officeHoursInputSchema, raw);
  await withTransaction(ctx, async (ctx, tx) => {
    let unitName = "mặc định";
    if (input.unitId != null) {
      const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, input.unitId));
      if (!unit) throw new ValidationError({ unitId: "errors.unit.notExists" });
      unitName = unit.name;
    }
    const values = {
      morningStart: input.morningStart,
      morningEnd: input.morningEnd,
      afternoonStart: input.afternoonStart,
      afternoonEnd: input.afternoonEnd,
      saturdayMorning: input.saturdayMorning,
    };
    const [before] = await tx
      .select()
      .from(officeHours)
      .where(input.unitId == null ? isNull(officeHours.unitId) : eq(officeHours.unitId, input.unitId))
      .for("update");
    if (before) {
      await tx
        .update(officeHours)
        .set({
          ...values,
          updatedBy: ctx.actor.kind === "staff" ? ctx.actor.id : null,
          updatedAt: ctx.now ?? new Date(),
        })
        .where(eq(officeHours.id, before.id));
    } else {
      await tx
        .insert(officeHours)
        .values({ ...values, unitId: input.unitId, updatedBy: ctx.actor.kind === "staff" ? ctx.actor.id : null });
    }
    const saturday = values.saturdayMorning ? ", sáng thứ Bảy" : "";
    const morning = `${values.morningStart}–${values.morningEnd}`;
    const label = `${morning}, ${values.afternoonStart}–${values.afternoonEnd}${saturday}`;
    await writeAudit(tx, ctx, {
      action: "office_hours.save",
      entityType: "office_hours",
      entityId: input.unitId ?? "default",
      unitId: input.unitId,
      summary: `Đặt giờ làm việc ${input.unitId == null ? "mặc định" : `của ${unitName}`}: ${label}`,
      changes: before ? diff(before, values) : { ...values, created: true },
    });
  });
}

/** Removes a unit's own office hours; the unit then follows the default. */
export async function deleteOfficeHours(ctx: Ctx, raw: unknown): Promise<void> {
  requirePermission(ctx, "calendar.manage");
  const { unitId } = parseInput(officeHoursUnitSchema, raw);
  await withTransaction(ctx, async (ctx, tx) => {
    const [before] = await tx.delete(officeHours).where(eq(officeHours.unitId, unitId)).returning();
    if (!before) throw new NotFoundError("errors.notFound.officeHours");
    await writeAudit(tx, ctx, {
      action: "office_hours.delete",
      entityType: "office_hours",
      entityId: unitId,
      unitId,
      summary: "Bỏ giờ làm việc riêng của đơn vị; áp dụng giờ làm việc mặc định",
      changes: {
        morningStart: before.morningStart,
        morningEnd: before.morningEnd,
        afternoonStart: before.afternoonStart,
        afternoonEnd: before.afternoonEnd,
        saturdayMorning: before.saturdayMorning,
      },
    });
  });
}
