import { Lunar } from "lunar-javascript";
import { describe, expect, it } from "vitest";
import { officialCalendarDays } from "@/lib/seed/calendar";
import {
  hungKingsDate,
  lunarYearName,
  proposeCompensatoryDays,
  proposeLunarHolidays,
  proposeYear,
  tetDate,
  vietnameseLunarToSolar,
} from "./lunar";

const byDate = (list: { date: string; name: string; kind: string }[]) =>
  Object.fromEntries(list.map((p) => [p.date, p]));

describe("Vietnamese lunar dates (UTC+7)", () => {
  it("matches the known Tết and Giỗ Tổ dates", () => {
    expect(tetDate(2025)).toBe("2025-01-29");
    expect(tetDate(2026)).toBe("2026-02-17");
    expect(tetDate(2027)).toBe("2027-02-06");
    expect(hungKingsDate(2025)).toBe("2025-04-07");
    expect(hungKingsDate(2026)).toBe("2026-04-26");
    expect(hungKingsDate(2027)).toBe("2027-04-16");
    expect(lunarYearName(2025)).toBe("Ất Tỵ");
    expect(lunarYearName(2026)).toBe("Bính Ngọ");
    expect(lunarYearName(2027)).toBe("Đinh Mùi");
  });

  it("agrees with the official 2025 and 2026 notices", () => {
    const names = Object.fromEntries(officialCalendarDays.map((d) => [d.date, d.name]));
    expect(names[tetDate(2025)]).toMatch(/Mùng 1/);
    expect(names[tetDate(2026)]).toMatch(/Mùng 1/);
    expect(names[hungKingsDate(2025)]).toMatch(/Giỗ Tổ/);
  });

  it("corrects the years where the Chinese (UTC+8) calendar starts a month one day later", () => {
    // New moon of 17/02/2007 at 16:14 UTC: 23:14 in Hà Nội, 00:14 on the 18th in Beijing.
    expect(Lunar.fromYmd(2007, 1, 1).getSolar().toYmd()).toBe("2007-02-18");
    expect(tetDate(2007)).toBe("2007-02-17");
    expect(Lunar.fromYmd(2030, 1, 1).getSolar().toYmd()).toBe("2030-02-03");
    expect(tetDate(2030)).toBe("2030-02-02");
    // Years without such a new moon are left as the library has them.
    for (let y = 2010; y <= 2029; y++) expect(tetDate(y)).toBe(Lunar.fromYmd(y, 1, 1).getSolar().toYmd());
  });

  it("keeps the day of the lunar month", () => {
    expect(vietnameseLunarToSolar(2025, 1, 5)).toBe("2025-02-02");
    expect(vietnameseLunarToSolar(2026, 8, 15)).toBe("2026-09-25");
  });

  it("refuses years it cannot vouch for", () => {
    expect(() => proposeLunarHolidays(1900)).toThrow(RangeError);
    expect(() => proposeLunarHolidays(2025.5)).toThrow(RangeError);
  });
});

describe("holiday proposals", () => {
  it("2025: Tết = giao thừa + mùng 1–4, Giỗ Tổ 07/04, Quốc khánh 01–02/09", () => {
    const p = byDate(proposeLunarHolidays(2025));
    expect(Object.keys(p)).toEqual([
      "2025-01-01",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-02-01",
      "2025-04-07",
      "2025-04-30",
      "2025-05-01",
      "2025-09-01",
      "2025-09-02",
    ]);
    expect(p["2025-01-28"].name).toBe("Tết Nguyên đán (29 tháng Chạp – Giao thừa)");
    expect(p["2025-01-29"].name).toBe("Tết Nguyên đán (Mùng 1 Tết Ất Tỵ)");
    expect(Object.values(p).every((x) => x.kind === "holiday")).toBe(true);
    // Mùng 4 is a Saturday: compensated on Monday 03/02.
    expect(proposeCompensatoryDays(proposeLunarHolidays(2025)).map((c) => c.date)).toEqual(["2025-02-03"]);
  });

  it("2026: matches Thông báo 9441 (Tết 16–20/02, 27/04 in lieu of Giỗ Tổ, 01–02/09)", () => {
    const all = proposeYear(2026);
    const official = new Set(
      officialCalendarDays
        .filter((d) => d.kind !== "makeup_working_day" && d.date.startsWith("2026"))
        .map((d) => d.date),
    );
    for (const d of [
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-04-27",
      "2026-09-01",
      "2026-09-02",
    ]) {
      expect(all.map((x) => x.date)).toContain(d);
      expect(official.has(d)).toBe(true);
    }
    const p = byDate(all);
    expect(p["2026-02-16"].name).toMatch(/29 tháng Chạp/);
    expect(p["2026-04-26"]).toMatchObject({ kind: "holiday", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" });
    expect(p["2026-04-27"].kind).toBe("compensatory_day_off");
    expect(p["2026-04-27"].name).toMatch(/Giỗ Tổ.*26\/04\/2026.*Chủ nhật/);
  });

  it("2027: Tết on a weekend gets compensatory days after the break", () => {
    const all = byDate(proposeYear(2027));
    expect(all["2027-02-05"].name).toMatch(/Giao thừa/); // Fri
    expect(all["2027-02-06"].name).toMatch(/Mùng 1 Tết Đinh Mùi/); // Sat
    expect(all["2027-02-10"].kind).toBe("compensatory_day_off"); // for Sat 06/02
    expect(all["2027-02-11"].kind).toBe("compensatory_day_off"); // for Sun 07/02
    expect(all["2027-04-16"].name).toMatch(/Giỗ Tổ/);
    expect(all["2027-05-03"].kind).toBe("compensatory_day_off"); // 1/5 is a Saturday
    expect(all["2027-09-03"].name).toMatch(/liền kề sau/); // 2/9 Thu → Fri 3/9
  });

  it("never proposes a compensatory day on a weekend or on another holiday", () => {
    for (let y = 2025; y <= 2040; y++) {
      const all = proposeYear(y);
      expect(new Set(all.map((x) => x.date)).size).toBe(all.length);
      for (const c of all.filter((x) => x.kind === "compensatory_day_off")) {
        const wd = new Date(`${c.date}T00:00:00Z`).getUTCDay();
        expect(wd === 0 || wd === 6).toBe(false);
      }
      expect(all.filter((x) => x.kind === "holiday")).toHaveLength(11);
    }
  });
});
