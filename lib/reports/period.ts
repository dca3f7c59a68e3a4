import { z } from "zod";
import { addDays, isLocalDate, localDateTime, toLocalDate } from "@/lib/calendar/time";
import { ValidationError } from "@/lib/errors";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD.");

export const reportQuerySchema = z.object({
  from: day.optional(),
  to: day.optional(),
  unit: z.coerce.number().int().positive().optional(),
});

/** A report period: Viet Nam days `from`..`to` inclusive, i.e. the instants [start, end). */
export interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

export { addDays, toLocalDate as vnDay } from "@/lib/calendar/time";

/** Defaults to the current month up to today; refuses reversed periods and periods over three years. */
export function makePeriod(from: string | undefined, to: string | undefined, now = new Date()): Period {
  const today = toLocalDate(now);
  const f = from ?? `${today.slice(0, 8)}01`;
  const t = to ?? today;
  if (!isLocalDate(f) || !isLocalDate(t)) throw new ValidationError({ from: "errors.report.badDate" });
  const start = localDateTime(f);
  const end = localDateTime(addDays(t, 1));
  if (start >= end) throw new ValidationError({ to: "errors.report.endBeforeStart" });
  if (end.getTime() - start.getTime() > 3 * 366 * 86_400_000)
    throw new ValidationError({ from: "errors.report.tooLong" });
  return { from: f, to: t, start, end };
}
