import { z } from "zod";
import { ValidationError } from "@/lib/errors";

const TZ_OFFSET = "+07:00";
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

const vnDayFmt = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

/** The Viet Nam calendar day of an instant, "YYYY-MM-DD". */
export function vnDay(d: Date): string {
  return vnDayFmt.format(d);
}

export function addDays(dayIso: string, n: number): string {
  const d = new Date(`${dayIso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function dayStart(dayIso: string): Date {
  return new Date(`${dayIso}T00:00:00${TZ_OFFSET}`);
}

/** Defaults to the current month up to today; refuses reversed periods and periods over three years. */
export function makePeriod(from: string | undefined, to: string | undefined, now = new Date()): Period {
  const today = vnDay(now);
  const f = from ?? `${today.slice(0, 8)}01`;
  const t = to ?? today;
  const start = dayStart(f);
  const end = dayStart(addDays(t, 1));
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw new ValidationError({ from: "Ngày không hợp lệ." });
  if (start >= end) throw new ValidationError({ to: "Ngày kết thúc phải từ ngày bắt đầu trở đi." });
  if (end.getTime() - start.getTime() > 3 * 366 * 86_400_000) throw new ValidationError({ from: "Kỳ báo cáo tối đa 3 năm." });
  return { from: f, to: t, start, end };
}
