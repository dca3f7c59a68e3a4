import { describe, expect, it } from "vitest";
import { officialCalendarDays } from "@/lib/seed/calendar";
import {
  DEFAULT_OFFICE_HOURS,
  type OfficeHours,
  WEEKENDS_ONLY,
  addWorkingMinutes,
  computeDueAt,
  isOfficeOpen,
  isWorkingDay,
  makeCalendar,
  nextWorkingDay,
  processingStart,
  workingMinutesBetween,
} from "./index";
import { localDateTime, toLocalDate } from "./time";

const cal = makeCalendar(
  officialCalendarDays.filter((d) => d.kind !== "makeup_working_day").map((d) => d.date),
  officialCalendarDays.filter((d) => d.kind === "makeup_working_day").map((d) => d.date),
);
const hours = DEFAULT_OFFICE_HOURS;

/** "2025-01-24 10:00" in Hà Nội time. */
function at(local: string): Date {
  const [date, time] = local.split(" ");
  const [h, m, sec = "0"] = time.split(":");
  return new Date(localDateTime(date, `${h}:${m}`).getTime() + Number(sec) * 1000);
}

/** An instant back in Hà Nội time, "yyyy-MM-dd HH:mm". */
function local(d: Date): string {
  const ms = d.getTime() + 7 * 3600_000;
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

const due = (
  received: string,
  duration: { workingDays?: number; workingHours?: number },
  cutoff?: string | null,
  h: OfficeHours = hours,
) => local(computeDueAt(cal, h, at(received), duration, { cutoff }));

describe("working days", () => {
  it("knows weekends, holidays, compensatory days and make-up Saturdays", () => {
    expect(isWorkingDay(cal, "2025-01-24")).toBe(true); // Fri before Tết
    expect(isWorkingDay(cal, "2025-01-27")).toBe(false); // Tết
    expect(isWorkingDay(cal, "2025-02-01")).toBe(false); // Sat
    expect(isWorkingDay(cal, "2025-04-26")).toBe(true); // make-up Sat
    expect(isWorkingDay(cal, "2025-05-02")).toBe(false); // swapped Fri
    expect(isWorkingDay(cal, "2026-04-27")).toBe(false); // in lieu of Hùng Kings' day
    expect(isWorkingDay(cal, "2026-08-22")).toBe(true); // make-up Sat before 2/9
    expect(isWorkingDay(cal, "2026-08-31")).toBe(false);
    expect(isWorkingDay(cal, "2026-01-10")).toBe(true);
    expect(isWorkingDay(WEEKENDS_ONLY, "2025-01-29")).toBe(true);
  });

  it("finds the next working day across Tết", () => {
    expect(nextWorkingDay(cal, "2025-01-24")).toBe("2025-02-03");
    expect(nextWorkingDay(cal, "2026-02-13")).toBe("2026-02-23");
    expect(nextWorkingDay(cal, "2025-12-31")).toBe("2026-01-05");
  });

  it("rejects malformed dates", () => {
    expect(() => isWorkingDay(cal, "2025-02-30")).toThrow(RangeError);
    expect(() => isWorkingDay(cal, "24/01/2025")).toThrow(RangeError);
  });
});

describe("computeDueAt around Tết 2025", () => {
  it("a 3-day procedure received Fri 24/01/2025 10:00 is due Wed 05/02/2025 10:00", () => {
    expect(due("2025-01-24 10:00", { workingDays: 3 })).toBe("2025-02-05 10:00");
  });
  it("received on a Tết day, the clock starts when the office reopens", () => {
    expect(due("2025-01-29 09:00", { workingDays: 1 })).toBe("2025-02-03 17:00");
    expect(local(processingStart(cal, hours, at("2025-01-29 09:00")))).toBe("2025-02-03 07:30");
  });
  it("Giỗ Tổ 07/04/2025 and the 30/4 swap (Sat 26/04 worked, Fri 02/05 off)", () => {
    expect(due("2025-04-04 10:00", { workingDays: 1 })).toBe("2025-04-08 10:00");
    expect(due("2025-04-25 10:00", { workingDays: 1 })).toBe("2025-04-26 10:00");
    expect(due("2025-04-29 10:00", { workingDays: 2 })).toBe("2025-05-06 10:00");
  });
});

describe("computeDueAt around Tết 2026, New Year 2026 and 2/9/2026", () => {
  it("Tết Bính Ngọ: Mon 16/02 – Fri 20/02 off", () => {
    expect(due("2026-02-13 16:00", { workingDays: 1 })).toBe("2026-02-23 16:00");
    expect(due("2026-02-13 16:00", { workingDays: 1 }, "15:00")).toBe("2026-02-23 17:00");
    expect(due("2026-02-12 10:00", { workingDays: 5 })).toBe("2026-02-26 10:00");
  });
  it("New Year 2026: 1/1 and 2/1 off, Sat 10/01 worked", () => {
    expect(due("2025-12-31 10:00", { workingDays: 1 })).toBe("2026-01-05 10:00");
    expect(due("2026-01-09 10:00", { workingDays: 1 })).toBe("2026-01-10 10:00");
    expect(due("2026-01-09 10:00", { workingDays: 2 })).toBe("2026-01-12 10:00");
  });
  it("Hùng Kings' day on Sun 26/04/2026 is compensated on Mon 27/04", () => {
    expect(due("2026-04-24 10:00", { workingDays: 1 })).toBe("2026-04-28 10:00");
  });
  it("the make-up Saturday 22/08/2026 counts as a working day", () => {
    expect(due("2026-08-20 09:00", { workingDays: 5 })).toBe("2026-08-26 09:00");
    expect(due("2026-08-21 14:00", { workingDays: 1 })).toBe("2026-08-22 14:00");
    expect(local(processingStart(cal, hours, at("2026-08-22 08:00")))).toBe("2026-08-22 08:00");
  });
  it("31/08 – 02/09/2026 are off", () => {
    expect(due("2026-08-28 10:00", { workingDays: 2 })).toBe("2026-09-04 10:00");
    expect(due("2026-08-28 10:00", { workingHours: 4 })).toBe("2026-08-28 16:00");
    expect(due("2026-08-28 16:00", { workingHours: 4 })).toBe("2026-09-03 10:30");
  });
});

describe("computeDueAt rules", () => {
  it("a 1-day procedure received at 09:09 is due 09:09 the next working day", () => {
    expect(due("2025-03-10 09:09", { workingDays: 1 })).toBe("2025-03-11 09:09");
    expect(due("2025-03-14 09:09", { workingDays: 1 })).toBe("2025-03-17 09:09"); // Fri → Mon
  });
  it("8 working hours are one working day", () => {
    expect(due("2025-03-10 09:09", { workingHours: 8 })).toBe("2025-03-11 09:09");
    expect(due("2025-03-10 09:09", { workingHours: 12 })).toBe(due("2025-03-10 09:09", { workingDays: 1.5 }));
    expect(due("2025-03-10 09:00", { workingDays: 1, workingHours: 8 })).toBe("2025-03-12 09:00");
  });
  it("half days are 4 working hours through office periods", () => {
    expect(due("2025-03-10 07:30", { workingDays: 0.5 })).toBe("2025-03-10 11:30");
    expect(due("2025-03-10 10:00", { workingDays: 0.5 })).toBe("2025-03-10 16:00");
    expect(due("2025-03-10 13:30", { workingDays: 0.5 })).toBe("2025-03-11 08:00");
    expect(due("2025-03-10 09:00", { workingDays: 1.5 })).toBe("2025-03-11 15:00");
    expect(due("2025-03-14 15:00", { workingDays: 0.5 })).toBe("2025-03-17 09:30"); // over the weekend
  });
  it("a whole period from its opening ends at its closing, not at the next opening", () => {
    expect(due("2025-03-10 07:30", { workingDays: 1 })).toBe("2025-03-10 17:00");
    expect(due("2025-03-10 07:30", { workingDays: 2 })).toBe("2025-03-11 17:00");
    expect(due("2025-03-14 07:30", { workingDays: 1 })).toBe("2025-03-14 17:00");
    expect(due("2025-03-10 13:30", { workingDays: 1 })).toBe("2025-03-11 11:30");
  });
  it("received before opening, at lunch, after closing, at a weekend", () => {
    expect(due("2025-03-10 06:45", { workingDays: 1 })).toBe("2025-03-10 17:00");
    expect(due("2025-03-10 12:10", { workingDays: 1 })).toBe("2025-03-11 11:30");
    expect(due("2025-03-10 12:10", { workingHours: 2 })).toBe("2025-03-10 15:30");
    expect(due("2025-03-10 11:30", { workingHours: 1 })).toBe("2025-03-10 14:30");
    expect(due("2025-03-10 17:00", { workingDays: 1 })).toBe("2025-03-11 17:00");
    expect(due("2025-03-10 21:00", { workingDays: 3 })).toBe("2025-03-13 17:00");
    expect(due("2025-03-08 09:00", { workingDays: 1 })).toBe("2025-03-10 17:00"); // Saturday
    expect(due("2025-03-09 23:59", { workingHours: 1 })).toBe("2025-03-10 08:30"); // Sunday
  });
  it("received after the cut-off counts from the next working day", () => {
    expect(due("2025-03-10 15:30", { workingDays: 1 }, "15:00")).toBe("2025-03-11 17:00");
    expect(due("2025-03-10 15:00", { workingDays: 1 }, "15:00")).toBe("2025-03-11 15:00");
    expect(due("2025-03-10 15:00:01", { workingDays: 1 }, "15:00")).toBe("2025-03-11 17:00");
    expect(due("2025-03-10 15:30", { workingDays: 1 })).toBe("2025-03-11 15:30");
    expect(due("2025-03-10 15:30", { workingDays: 1 }, null)).toBe("2025-03-11 15:30");
    expect(due("2025-01-24 15:30", { workingDays: 1 }, "15:00")).toBe("2025-02-03 17:00");
  });
  it("a same-day procedure is due at closing; after the cut-off, the next working day", () => {
    expect(due("2025-03-10 10:00", { workingDays: 0 })).toBe("2025-03-10 17:00");
    expect(due("2025-03-10 15:30", {}, "15:00")).toBe("2025-03-11 17:00");
    expect(due("2025-01-24 16:00", { workingHours: 0 }, "15:00")).toBe("2025-02-03 17:00");
  });
  it("keeps seconds of the reception time", () => {
    expect(computeDueAt(cal, hours, at("2025-03-10 09:09:37"), { workingDays: 1 }).toISOString()).toBe(
      "2025-03-11T02:09:37.000Z",
    );
  });
  it("follows other office hours (07:00–11:30, 13:30–17:00 is exactly 8 hours)", () => {
    const thanhHoa: OfficeHours = {
      morning: ["07:00", "11:30"],
      afternoon: ["13:30", "17:00"],
      saturdayMorning: false,
    };
    expect(due("2025-03-10 07:00", { workingHours: 8 }, null, thanhHoa)).toBe("2025-03-10 17:00");
    expect(due("2025-03-10 07:10", { workingHours: 4 }, null, thanhHoa)).toBe("2025-03-10 11:10");
    expect(due("2025-03-10 07:10", { workingDays: 1 }, null, thanhHoa)).toBe("2025-03-11 07:10");
  });
  it("rejects nonsense", () => {
    expect(() => computeDueAt(cal, hours, at("2025-03-10 09:00"), { workingDays: -1 })).toThrow(RangeError);
    expect(() => computeDueAt(cal, hours, at("2025-03-10 09:00"), { workingHours: Number.NaN })).toThrow(RangeError);
    expect(() => computeDueAt(cal, hours, at("2025-03-10 09:00"), { workingDays: 1 }, { cutoff: "25:00" })).toThrow(
      RangeError,
    );
    const bad: OfficeHours = { morning: ["11:30", "07:30"], afternoon: ["13:30", "17:00"], saturdayMorning: false };
    expect(() => computeDueAt(cal, bad, at("2025-03-10 09:00"), { workingDays: 1 })).toThrow(/buổi sáng/);
    const overlap: OfficeHours = { morning: ["07:30", "14:00"], afternoon: ["13:30", "17:00"], saturdayMorning: false };
    expect(() => computeDueAt(cal, overlap, at("2025-03-10 09:00"), { workingDays: 1 })).toThrow(RangeError);
    expect(() => computeDueAt(makeCalendar(), hours, at("2025-03-10 09:00"), { workingDays: 1 })).not.toThrow();
  });
  it("does not depend on the process time zone", () => {
    expect(toLocalDate(new Date("2025-01-23T17:30:00Z"))).toBe("2025-01-24");
    expect(toLocalDate(new Date("2025-01-23T16:59:59Z"))).toBe("2025-01-23");
  });
});

describe("Saturday-morning office hours", () => {
  const sat: OfficeHours = { ...DEFAULT_OFFICE_HOURS, saturdayMorning: true };
  it("opens ordinary Saturdays for receiving, but not declared days off", () => {
    expect(isWorkingDay(cal, "2025-03-08", sat)).toBe(true);
    expect(isWorkingDay(cal, "2025-03-08", hours)).toBe(false);
    expect(isWorkingDay(cal, "2025-03-08")).toBe(false);
    expect(isWorkingDay(cal, "2025-03-09", sat)).toBe(false); // Sunday
    expect(isWorkingDay(makeCalendar(["2025-03-08"]), "2025-03-08", sat)).toBe(false);
    expect(isOfficeOpen(cal, sat, at("2025-03-08 09:00"))).toBe(true);
    expect(isOfficeOpen(cal, sat, at("2025-03-08 14:00"))).toBe(false);
    expect(isOfficeOpen(cal, hours, at("2025-03-08 09:00"))).toBe(false);
    expect(isOfficeOpen(cal, hours, at("2025-03-10 12:00"))).toBe(false);
    expect(isOfficeOpen(cal, hours, at("2025-03-10 16:59"))).toBe(true);
  });
  it("a dossier received on Saturday morning starts on the next working day", () => {
    expect(local(computeDueAt(cal, sat, at("2025-03-08 09:00"), { workingDays: 1 }))).toBe("2025-03-10 17:00");
    expect(local(computeDueAt(cal, sat, at("2025-03-07 14:00"), { workingDays: 1 }))).toBe("2025-03-10 14:00");
    expect(local(computeDueAt(cal, sat, at("2025-03-07 14:00"), { workingHours: 4 }))).toBe("2025-03-10 08:30");
  });
});

describe("pausing and resuming the clock", () => {
  it("counts only office time between two instants", () => {
    expect(workingMinutesBetween(cal, hours, at("2025-03-03 16:00"), at("2025-03-04 09:00"))).toBe(150);
    expect(workingMinutesBetween(cal, hours, at("2025-03-04 09:00"), at("2025-03-03 16:00"))).toBe(-150);
    expect(workingMinutesBetween(cal, hours, at("2025-03-10 11:00"), at("2025-03-10 14:00"))).toBe(60);
    expect(workingMinutesBetween(cal, hours, at("2025-03-08 09:00"), at("2025-03-09 16:00"))).toBe(0);
    expect(workingMinutesBetween(cal, hours, at("2025-01-24 16:00"), at("2025-02-03 08:00"))).toBe(90);
    expect(workingMinutesBetween(cal, hours, at("2025-03-10 07:30"), at("2025-03-15 07:30"))).toBe(5 * 450);
  });
  it("moves a due date by the paused working time", () => {
    const oldDue = computeDueAt(cal, hours, at("2025-03-03 10:00"), { workingDays: 2 }); // Wed 05/03 10:00
    const paused = workingMinutesBetween(cal, hours, at("2025-03-03 16:00"), at("2025-03-04 09:00"));
    expect(local(addWorkingMinutes(cal, hours, oldDue, paused))).toBe("2025-03-05 14:30");
  });
  it("crosses Tết and lunch, and ends exactly at a period end", () => {
    expect(local(addWorkingMinutes(cal, hours, at("2025-01-24 16:30"), 60))).toBe("2025-02-03 08:00");
    expect(local(addWorkingMinutes(cal, hours, at("2025-03-10 17:00"), 30))).toBe("2025-03-11 08:00");
    expect(local(addWorkingMinutes(cal, hours, at("2025-03-10 11:00"), 30))).toBe("2025-03-10 11:30");
    expect(local(addWorkingMinutes(cal, hours, at("2025-03-10 11:00"), 31))).toBe("2025-03-10 13:31");
    expect(local(addWorkingMinutes(cal, hours, at("2025-03-10 12:00"), 30))).toBe("2025-03-10 14:00");
    expect(local(addWorkingMinutes(cal, hours, at("2026-08-21 16:00"), 120))).toBe("2026-08-22 08:30");
  });
  it("zero leaves the instant alone; negative walks back", () => {
    const t = at("2025-03-08 09:00");
    expect(addWorkingMinutes(cal, hours, t, 0).getTime()).toBe(t.getTime());
    expect(local(addWorkingMinutes(cal, hours, at("2025-02-03 08:00"), -90))).toBe("2025-01-24 16:00");
    expect(local(addWorkingMinutes(cal, hours, at("2025-03-10 13:30"), -30))).toBe("2025-03-10 11:00");
    expect(local(addWorkingMinutes(cal, hours, at("2025-03-10 14:00"), -30))).toBe("2025-03-10 13:30");
  });
  it("adding what workingMinutesBetween measured gives the end instant back", () => {
    const starts = ["2025-01-20 08:00", "2025-01-24 15:59", "2025-04-25 09:30", "2026-02-13 13:30", "2026-08-21 11:29"];
    for (const s of starts) {
      for (const m of [1, 29, 60, 240, 451, 1000, 4321]) {
        const end = addWorkingMinutes(cal, hours, at(s), m);
        expect(workingMinutesBetween(cal, hours, at(s), end)).toBe(m);
        expect(addWorkingMinutes(cal, hours, end, -m).getTime()).toBeLessThanOrEqual(at(s).getTime());
        expect(workingMinutesBetween(cal, hours, addWorkingMinutes(cal, hours, end, -m), at(s))).toBe(0);
      }
    }
  });
  it("restarting the clock is computeDueAt from the completion time", () => {
    const restarted = computeDueAt(cal, hours, at("2026-02-13 10:00"), { workingDays: 3 });
    expect(local(restarted)).toBe("2026-02-25 10:00");
  });
});
