import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { isUniqueViolation } from "@/db/errors";
import { calendarDays } from "@/db/schema/calendar";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { proposeYear } from "../lunar";
import { formatLocalDate } from "../time";
import {
  addProposalsSchema,
  calendarDayIdSchema,
  calendarDayInputSchema,
  calendarDayUpdateSchema,
  yearSchema,
} from "./schemas";
import { msg } from "@/lib/i18n/translate";
import { dbOf, withTransaction } from "@/lib/services/context";

export type CalendarDayRow = typeof calendarDays.$inferSelect;

function confirmer(ctx: Ctx) {
  return ctx.actor.kind === "staff" ? ctx.actor.id : null;
}

async function assertDateFree(ctx: Ctx, date: string, exceptId?: number) {
  const [other] = await dbOf(ctx).select({ id: calendarDays.id }).from(calendarDays).where(eq(calendarDays.date, date));
  if (other && other.id !== exceptId)
    throw new ConflictError(msg("errors.calendar.dayExistsEdit", { day: formatLocalDate(date) }));
}

/** The days of a solar year, confirmed or not, by date. */
export async function listCalendarDays(ctx: Ctx, rawYear: unknown): Promise<CalendarDayRow[]> {
  requirePermission(ctx, "calendar.manage");
  const year = parseInput(yearSchema, rawYear);
  return dbOf(ctx)
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
    .orderBy(asc(calendarDays.date));
}

export async function getCalendarDay(ctx: Ctx, id: number): Promise<CalendarDayRow> {
  requirePermission(ctx, "calendar.manage");
  const [row] = await dbOf(ctx).select().from(calendarDays).where(eq(calendarDays.id, id));
  if (!row) throw new NotFoundError("errors.notFound.calendarDay");
  return row;
}

/** Years that have days in the calendar, newest first. */
export async function listCalendarYears(ctx: Ctx): Promise<number[]> {
  requirePermission(ctx, "calendar.manage");
  const rows = await dbOf(ctx).selectDistinct({ date: calendarDays.date }).from(calendarDays);
  return [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))].sort((a, b) => b - a);
}

export async function createCalendarDay(ctx: Ctx, raw: unknown): Promise<CalendarDayRow> {
  requirePermission(ctx, "calendar.manage");
  const input = parseInput(calendarDayInputSchema, raw);
  await assertDateFree(ctx, input.date);
  try {
    return await withTransaction(ctx, async (ctx, tx) => {
      const [row] = await tx
        .insert(calendarDays)
        .values({
          date: input.date,
          kind: input.kind,
          name: input.name,
          sourceNote: input.sourceNote ?? null,
          confirmed: input.confirmed,
          confirmedBy: input.confirmed ? confirmer(ctx) : null,
          confirmedAt: input.confirmed ? (ctx.now ?? new Date()) : null,
        })
        .returning();
      await writeAudit(tx, ctx, {
        action: "calendar_day.create",
        entityType: "calendar_day",
        entityId: row.id,
        unitId: null,
        summary:
          `Thêm ngày ${formatLocalDate(row.date)} vào lịch làm ` +
          `việc: ${row.name}${row.confirmed ? "" : " (chờ xác nhận)"}`,
        changes: { ...input },
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError(msg("errors.calendar.dayExists", { day: formatLocalDate(input.date) }));
    throw err;
  }
}

export async function updateCalendarDay(ctx: Ctx, raw: unknown): Promise<CalendarDayRow> {
  requirePermission(ctx, "calendar.manage");
  const input = parseInput(calendarDayUpdateSchema, raw);
  await assertDateFree(ctx, input.date, input.id);
  try {
    return await withTransaction(ctx, async (ctx, tx) => {
      const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.id, input.id)).for("update");
      if (!before) throw new NotFoundError("errors.notFound.calendarDay");
      const next = {
        date: input.date,
        kind: input.kind,
        name: input.name,
        sourceNote: input.sourceNote ?? null,
        confirmed: input.confirmed,
      };
      const changes = diff(before, next);
      const confirmation =
        input.confirmed === before.confirmed
          ? {}
          : input.confirmed
            ? { confirmedBy: confirmer(ctx), confirmedAt: ctx.now ?? new Date() }
            : { confirmedBy: null, confirmedAt: null };
      const [row] = await tx
        .update(calendarDays)
        .set({ ...next, ...confirmation, updatedAt: ctx.now ?? new Date() })
        .where(eq(calendarDays.id, input.id))
        .returning();
      await writeAudit(tx, ctx, {
        action: "calendar_day.update",
        entityType: "calendar_day",
        entityId: row.id,
        unitId: null,
        summary: `Sửa ngày ${formatLocalDate(row.date)} trong lịch làm việc: ${row.name}`,
        changes,
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError(msg("errors.calendar.dayExists", { day: formatLocalDate(input.date) }));
    throw err;
  }
}

export async function confirmCalendarDay(ctx: Ctx, raw: unknown): Promise<CalendarDayRow> {
  requirePermission(ctx, "calendar.manage");
  const { id } = parseInput(calendarDayIdSchema, raw);
  return withTransaction(ctx, async (ctx, tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.id, id)).for("update");
    if (!before) throw new NotFoundError("errors.notFound.calendarDay");
    if (before.confirmed) return before;
    const now = ctx.now ?? new Date();
    const [row] = await tx
      .update(calendarDays)
      .set({ confirmed: true, confirmedBy: confirmer(ctx), confirmedAt: now, updatedAt: now })
      .where(eq(calendarDays.id, id))
      .returning();
    await writeAudit(tx, ctx, {
      action: "calendar_day.confirm",
      entityType: "calendar_day",
      entityId: id,
      unitId: null,
      summary: `Xác nhận ngày ${formatLocalDate(row.date)} vào lịch làm việc: ${row.name}`,
      changes: { confirmed: { from: false, to: true } },
    });
    return row;
  });
}

export async function deleteCalendarDay(ctx: Ctx, raw: unknown): Promise<void> {
  requirePermission(ctx, "calendar.manage");
  const { id } = parseInput(calendarDayIdSchema, raw);
  await withTransaction(ctx, async (ctx, tx) => {
    const [before] = await tx.delete(calendarDays).where(eq(calendarDays.id, id)).returning();
    if (!before) throw new NotFoundError("errors.notFound.calendarDay");
    await writeAudit(tx, ctx, {
      action: "calendar_day.delete",
      entityType: "calendar_day",
      entityId: id,
      unitId: null,
      summary: `Xóa ngày ${formatLocalDate(before.date)} khỏi lịch làm việc: ${before.name}`,
      changes: { date: before.date, kind: before.kind, name: before.name, confirmed: before.confirmed },
    });
  });
}

/**
 * Proposals for a year (lunar holidays, solar holidays, compensatory days), each marked with the day
 * already in the calendar on that date, if any.
 */
export async function previewProposals(ctx: Ctx, rawYear: unknown) {
  requirePermission(ctx, "calendar.manage");
  const year = parseInput(yearSchema, rawYear);
  const proposals = proposeYear(year);
  const existing = await dbOf(ctx)
    .select()
    .from(calendarDays)
    .where(
      inArray(
        calendarDays.date,
        proposals.map((p) => p.date),
      ),
    );
  const byDate = new Map(existing.map((r) => [r.date, r]));
  return { year, proposals: proposals.map((p) => ({ ...p, existing: byDate.get(p.date) ?? null })) };
}

/**
 * Adds the chosen proposals of a year. The server computes the proposals again and takes only dates
 * among them; dates already in the calendar are left alone. Confirmed at once when `confirm` is on,
 * otherwise kept as drafts that do not count until confirmed.
 */
export async function addProposals(ctx: Ctx, raw: unknown): Promise<{ added: CalendarDayRow[]; skipped: string[] }> {
  requirePermission(ctx, "calendar.manage");
  const input = parseInput(addProposalsSchema, raw);
  const wanted = new Set(input.dates);
  const chosen = proposeYear(input.year).filter((p) => wanted.has(p.date));
  const unknown = [...wanted].filter((d) => !chosen.some((p) => p.date === d));
  if (unknown.length)
    throw new ConflictError(
      msg("errors.calendar.notProposed", { days: unknown.map(formatLocalDate).join(", "), year: String(input.year) }),
    );
  return withTransaction(ctx, async (ctx, tx) => {
    const now = ctx.now ?? new Date();
    const added = await tx
      .insert(calendarDays)
      .values(
        chosen.map((p) => ({
          date: p.date,
          kind: p.kind,
          name: p.name,
          sourceNote: `Đề xuất theo Điều 111, 112 Bộ luật Lao động 2019 (âm lịch tính theo múi giờ UTC+7)`,
          confirmed: input.confirm,
          confirmedBy: input.confirm ? confirmer(ctx) : null,
          confirmedAt: input.confirm ? now : null,
        })),
      )
      .onConflictDoNothing({ target: calendarDays.date })
      .returning();
    const addedDates = new Set(added.map((r) => r.date));
    const skipped = chosen.map((p) => p.date).filter((d) => !addedDates.has(d));
    if (added.length) {
      await writeAudit(tx, ctx, {
        action: input.confirm ? "calendar_day.confirm_proposals" : "calendar_day.draft_proposals",
        entityType: "calendar_day",
        entityId: null,
        unitId: null,
        summary:
          `${input.confirm ? "Xác nhận" : "Lưu nháp"} ${added.length} ngày đề xuất của ` +
          `năm ${input.year}: ${added.map((r) => formatLocalDate(r.date)).join(", ")}`,
        changes: { year: input.year, dates: added.map((r) => r.date), skipped },
      });
    }
    return { added, skipped };
  });
}
