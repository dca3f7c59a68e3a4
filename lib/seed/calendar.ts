import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type CalendarDayKind, calendarDays, officeHours } from "@/db/schema/calendar";

export interface OfficialCalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
  sourceNote: string;
}

const TB_6150 = "Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024 (thực hiện Công văn 8726/VPCP-KGVX ngày 26/11/2024)";
const LABOUR_CODE_112 = "Bộ luật Lao động 2019, Điều 112";
const TB_9441 = "Thông báo 9441/TB-BNV ngày 16/10/2025 (thực hiện Công văn 9859/VPCP-KGVX ngày 13/10/2025)";
const CV_12729 = "Công văn 12729/VPCP-KGVX ngày 25/12/2025 (theo tin báo; chưa thấy số thông báo của Bộ Nội vụ)";
const ART_111 = "Bộ luật Lao động 2019, khoản 3 Điều 111 (Giỗ Tổ rơi vào Chủ nhật 26/4/2026)";

/**
 * The 2025 and 2026 calendars for cán bộ, công chức, viên chức (../shared/data/holidays.json): weekdays
 * off and weekend days worked. Weekends inside a break are ordinary rest days and are not listed.
 */
export const officialCalendarDays: readonly OfficialCalendarDay[] = [
  { date: "2025-01-01", kind: "holiday", name: "Tết Dương lịch", sourceNote: LABOUR_CODE_112 },
  { date: "2025-01-27", kind: "holiday", name: "Tết Nguyên đán (28 tháng Chạp Giáp Thìn)", sourceNote: TB_6150 },
  { date: "2025-01-28", kind: "holiday", name: "Tết Nguyên đán (29 tháng Chạp – Giao thừa)", sourceNote: TB_6150 },
  { date: "2025-01-29", kind: "holiday", name: "Tết Nguyên đán (Mùng 1 Ất Tỵ)", sourceNote: TB_6150 },
  { date: "2025-01-30", kind: "holiday", name: "Tết Nguyên đán (Mùng 2)", sourceNote: TB_6150 },
  { date: "2025-01-31", kind: "holiday", name: "Tết Nguyên đán (Mùng 3)", sourceNote: TB_6150 },
  { date: "2025-04-07", kind: "holiday", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", sourceNote: TB_6150 },
  { date: "2025-04-26", kind: "makeup_working_day", name: "Làm bù cho thứ Sáu 02/5/2025", sourceNote: TB_6150 },
  { date: "2025-04-30", kind: "holiday", name: "Ngày Chiến thắng 30/4", sourceNote: TB_6150 },
  { date: "2025-05-01", kind: "holiday", name: "Ngày Quốc tế Lao động 1/5", sourceNote: TB_6150 },
  {
    date: "2025-05-02",
    kind: "compensatory_day_off",
    name: "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)",
    sourceNote: TB_6150,
  },
  { date: "2025-09-01", kind: "holiday", name: "Quốc khánh (ngày liền kề trước 2/9)", sourceNote: TB_6150 },
  { date: "2025-09-02", kind: "holiday", name: "Quốc khánh 2/9", sourceNote: TB_6150 },
  { date: "2026-01-01", kind: "holiday", name: "Tết Dương lịch", sourceNote: CV_12729 },
  {
    date: "2026-01-02",
    kind: "compensatory_day_off",
    name: "Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)",
    sourceNote: CV_12729,
  },
  { date: "2026-01-10", kind: "makeup_working_day", name: "Làm bù cho thứ Sáu 02/01/2026", sourceNote: CV_12729 },
  {
    date: "2026-02-16",
    kind: "holiday",
    name: "Tết Nguyên đán (29 tháng Chạp Ất Tỵ – Giao thừa)",
    sourceNote: TB_9441,
  },
  { date: "2026-02-17", kind: "holiday", name: "Tết Nguyên đán (Mùng 1 Bính Ngọ)", sourceNote: TB_9441 },
  { date: "2026-02-18", kind: "holiday", name: "Tết Nguyên đán (Mùng 2)", sourceNote: TB_9441 },
  { date: "2026-02-19", kind: "holiday", name: "Tết Nguyên đán (Mùng 3)", sourceNote: TB_9441 },
  { date: "2026-02-20", kind: "holiday", name: "Tết Nguyên đán (Mùng 4)", sourceNote: TB_9441 },
  {
    date: "2026-04-27",
    kind: "compensatory_day_off",
    name: "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/4/2026)",
    sourceNote: ART_111,
  },
  { date: "2026-04-30", kind: "holiday", name: "Ngày Chiến thắng 30/4", sourceNote: TB_9441 },
  { date: "2026-05-01", kind: "holiday", name: "Ngày Quốc tế Lao động 1/5", sourceNote: TB_9441 },
  { date: "2026-08-22", kind: "makeup_working_day", name: "Làm bù cho thứ Hai 31/8/2026", sourceNote: TB_9441 },
  {
    date: "2026-08-31",
    kind: "compensatory_day_off",
    name: "Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)",
    sourceNote: TB_9441,
  },
  { date: "2026-09-01", kind: "holiday", name: "Quốc khánh (ngày liền kề trước 2/9)", sourceNote: TB_9441 },
  { date: "2026-09-02", kind: "holiday", name: "Quốc khánh 2/9", sourceNote: TB_9441 },
];

/**
 * Seeds the official 2025–2026 days (confirmed) and the default office hours. Safe to re-run: an
 * existing date or default row is left as the admin may have edited it.
 */
export async function seedCalendar(tx: DbOrTx): Promise<void> {
  const now = new Date();
  await tx
    .insert(calendarDays)
    .values(officialCalendarDays.map((d) => ({ ...d, confirmed: true, confirmedAt: now })))
    .onConflictDoNothing({ target: calendarDays.date });
  const existing = await tx
    .select({ id: officeHours.id })
    .from(officeHours)
    .where(sql`${officeHours.unitId} is null`);
  if (existing.length === 0) await tx.insert(officeHours).values({ unitId: null }).onConflictDoNothing();
}
