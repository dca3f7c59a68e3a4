import { Lunar, ShouXingUtil } from "lunar-javascript";
import { addDays, dayNumber, fromDayNumber, weekday, weekdayName, formatLocalDate } from "./time";

/**
 * Lunar-derived holiday proposals for a solar year. Only proposals: the Prime Minister fixes the Tết
 * and National Day days each year (Labour Code 2019 art. 112(3)); an admin confirms them into the
 * calendar.
 *
 * lunar-javascript computes the Chinese calendar, whose day boundary is UTC+8. The Vietnamese calendar
 * uses UTC+7, so a lunar month whose new moon falls between 00:00 and 01:00 Beijing time starts one day
 * earlier in Vietnam (Tết 2007: 17/02 in Vietnam, 18/02 in China; also Tết 2030 and 2053, 10/3 lunar in
 * 2009, 2037 and 2038). vietnameseMonthStart corrects for this with the library's own new-moon
 * computation. Not corrected: a different leap-month placement (last seen in 1985, when Vietnamese and
 * Chinese Tết were a month apart); the admin review covers such a year.
 */

export interface HolidayProposal {
  date: string;
  name: string;
  kind: "holiday";
}

export interface CompensatoryProposal {
  date: string;
  name: string;
  kind: "compensatory_day_off";
}

const LUNAR_YEAR_RANGE = { min: 1960, max: 2200 } as const;

/** Day number of 2000-01-01 (J2000.0 is noon of that day). */
const J2000_DAY = 10957;
const SYNODIC_MONTH = 29.5306;

const CAN = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"] as const;
const CHI = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"] as const;

/** Can-chi name of the lunar year that starts in a solar year: 2025 → "Ất Tỵ". */
export function lunarYearName(year: number): string {
  return `${CAN[(year + 6) % 10]} ${CHI[(year + 8) % 12]}`;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_YEAR_RANGE.min || year > LUNAR_YEAR_RANGE.max) {
    throw new RangeError(`Năm phải từ ${LUNAR_YEAR_RANGE.min} đến ${LUNAR_YEAR_RANGE.max}.`);
  }
}

/** Day number of the first day of a lunar month in the Chinese (UTC+8) calendar, per lunar-javascript. */
function chineseMonthStart(lunarYear: number, lunarMonth: number): number {
  return dayNumber(Lunar.fromYmd(lunarYear, lunarMonth, 1).getSolar().toYmd());
}

/** Shifts a Chinese lunar-month start to the Vietnamese (UTC+7) one: 0 or -1 day. */
function vietnameseShift(chineseStart: number): number {
  const rel = chineseStart - J2000_DAY;
  const lunation = Math.floor((rel + 8) / SYNODIC_MONTH);
  // shuoHigh gives the new moon in days from J2000.0, Beijing time (UTC+8).
  const newMoonBeijing = ShouXingUtil.shuoHigh(lunation * Math.PI * 2);
  const dayBeijing = Math.floor(newMoonBeijing + 0.5);
  if (dayBeijing !== rel) return 0; // not the new moon we looked for; keep the library's date
  const dayHanoi = Math.floor(newMoonBeijing - 1 / 24 + 0.5);
  return dayHanoi - dayBeijing;
}

/** "yyyy-MM-dd" of the first day of a lunar month (negative month = leap month) in the Vietnamese calendar. */
function vietnameseMonthStart(lunarYear: number, lunarMonth: number): string {
  const chinese = chineseMonthStart(lunarYear, lunarMonth);
  return fromDayNumber(chinese + vietnameseShift(chinese));
}

/** "yyyy-MM-dd" of a lunar date in the Vietnamese calendar (regular, non-leap month). */
export function vietnameseLunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number): string {
  return addDays(vietnameseMonthStart(lunarYear, lunarMonth), lunarDay - 1);
}

/** Tết Nguyên đán (1/1 lunar) of a solar year in Vietnam. */
export function tetDate(year: number): string {
  assertYear(year);
  return vietnameseMonthStart(year, 1);
}

/** Giỗ Tổ Hùng Vương (10/3 lunar) of a solar year in Vietnam. */
export function hungKingsDate(year: number): string {
  assertYear(year);
  return vietnameseLunarToSolar(year, 3, 10);
}

function lastDayOfLunarYear(year: number): { date: string; lunarDay: number } {
  const tet = dayNumber(tetDate(year));
  let month12 = dayNumber(vietnameseMonthStart(year - 1, 12));
  if (tet - month12 > 30) month12 = dayNumber(vietnameseMonthStart(year - 1, -12));
  return { date: fromDayNumber(tet - 1), lunarDay: tet - month12 };
}

/**
 * Holidays of art. 112 for a solar year, as proposals: Tết Dương lịch 1/1; Tết Âm lịch as the last day
 * of the lunar year plus 1–4 of the first month (5 days; the government often picks other days);
 * Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; Quốc khánh 2/9 plus one adjacent day (the day before or
 * after that makes the longer break with the weekend). Weekend holidays are listed too; their
 * compensatory days come from proposeCompensatoryDays.
 */
export function proposeLunarHolidays(year: number): { date: string; name: string; kind: "holiday" }[] {
  assertYear(year);
  const out: HolidayProposal[] = [];
  const add = (date: string, name: string) => out.push({ date, name, kind: "holiday" });

  add(`${year}-01-01`, "Tết Dương lịch");

  const yearName = lunarYearName(year);
  const eve = lastDayOfLunarYear(year);
  add(eve.date, `Tết Nguyên đán (${eve.lunarDay} tháng Chạp – Giao thừa)`);
  const tet = tetDate(year);
  add(tet, `Tết Nguyên đán (Mùng 1 Tết ${yearName})`);
  for (let i = 1; i <= 3; i++) add(addDays(tet, i), `Tết Nguyên đán (Mùng ${i + 1} Tết ${yearName})`);

  add(hungKingsDate(year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
  add(`${year}-04-30`, "Ngày Chiến thắng (30/4)");
  add(`${year}-05-01`, "Ngày Quốc tế Lao động (1/5)");

  const nationalDay = `${year}-09-02`;
  add(nationalDay, "Quốc khánh (2/9)");
  // Mon: Sunday before is already a rest day → Tue 3/9. Thu: Fri 3/9 bridges to the weekend.
  // Sun: 3/9 Mon (2/9 itself is then compensated). Otherwise the day before.
  const wd = weekday(nationalDay);
  if (wd === 1 || wd === 4 || wd === 0) add(`${year}-09-03`, "Quốc khánh (ngày liền kề sau 2/9)");
  else add(`${year}-09-01`, "Quốc khánh (ngày liền kề trước 2/9)");

  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Compensatory days off (art. 111(3)): a holiday falling on a weekly rest day (Saturday or Sunday) is
 * compensated on the next working day that is neither a weekend, a holiday nor already a compensatory day.
 */
export function proposeCompensatoryDays(holidays: readonly { date: string; name: string }[]): CompensatoryProposal[] {
  const taken = new Set(holidays.map((h) => h.date));
  const out: CompensatoryProposal[] = [];
  for (const h of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    const wd = weekday(h.date);
    if (wd !== 0 && wd !== 6) continue;
    let d = addDays(h.date, 1);
    while (weekday(d) === 0 || weekday(d) === 6 || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    out.push({
      date: d,
      kind: "compensatory_day_off",
      name: `Nghỉ bù ${h.name} (${formatLocalDate(h.date)} rơi vào ${weekdayName(h.date)})`,
    });
  }
  return out;
}

/** Everything to propose for a year: the art. 112 holidays and their compensatory days, by date. */
export function proposeYear(year: number): (HolidayProposal | CompensatoryProposal)[] {
  const holidays = proposeLunarHolidays(year);
  return [...holidays, ...proposeCompensatoryDays(holidays)].sort((a, b) => a.date.localeCompare(b.date));
}
