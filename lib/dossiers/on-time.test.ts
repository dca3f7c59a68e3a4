import { describe, expect, it } from "vitest";
import { DEFAULT_OFFICE_HOURS, WEEKENDS_ONLY, makeCalendar } from "@/lib/calendar";
import { makeClock } from "./clock";
import { finishedStatuses, inProgressStatuses, pausedStatuses } from "./lifecycle";
import { type OnTimeState, onTimeLabels, onTimeState } from "./on-time";
import type { DossierStatus } from "./lifecycle";

/** Vietnam time "2025-08-04 09:00" → Date. */
const vn = (s: string) => new Date(`${s.replace(" ", "T")}:00+07:00`);

const clock = makeClock(WEEKENDS_ONLY, DEFAULT_OFFICE_HOURS);

function stateAt(
  now: string,
  d: { status: DossierStatus; dueAt?: string | null; finishedAt?: string | null },
  c = clock,
): OnTimeState {
  const at = vn(now);
  return onTimeState(
    { status: d.status, dueAt: d.dueAt ? vn(d.dueAt) : null, finishedAt: d.finishedAt ? vn(d.finishedAt) : null },
    at,
    c.dueSoonLimit(at),
  );
}

describe(
  "onTimeState for finished dossiers (day of completion " + "against the day of the appointment, Vietnam time)",
  () => {
    it("is early when the result was ready on an earlier day", () => {
      expect(
        stateAt("2025-08-11 09:00", {
          status: "result_ready",
          dueAt: "2025-08-12 09:00",
          finishedAt: "2025-08-11 08:00",
        }),
      ).toBe("early");
    });

    it("is on time on the appointment's day even after its hour", () => {
      expect(
        stateAt("2025-08-11 09:00", { status: "returned", dueAt: "2025-08-08 09:00", finishedAt: "2025-08-08 17:30" }),
      ).toBe("on_time");
    });

    it("is late from the next day in Vietnam, also when both instants share a UTC day", () => {
      // 06:30 on 09/08 in Hà Tĩnh is 23:30 on 08/08 in UTC.
      expect(
        stateAt("2025-08-11 09:00", { status: "returned", dueAt: "2025-08-08 10:00", finishedAt: "2025-08-09 06:30" }),
      ).toBe("late");
    });

    it("counts a finished dossier without an appointment as on time, whatever the clock says now", () => {
      expect(stateAt("2030-01-01 09:00", { status: "result_ready", dueAt: null, finishedAt: "2025-08-08 09:00" })).toBe(
        "on_time",
      );
    });

    it("keeps the verdict once finished: a result ready early stays early long after the appointment", () => {
      expect(
        stateAt("2026-03-01 09:00", { status: "returned", dueAt: "2025-08-12 09:00", finishedAt: "2025-08-11 08:00" }),
      ).toBe("early");
    });
  },
);

describe("onTimeState for dossiers in progress", () => {
  const now = "2025-08-11 09:00"; // Monday: one working day later is Tuesday 09:00.

  it("is overdue past the appointment", () => {
    expect(stateAt(now, { status: "appraising", dueAt: "2025-08-11 08:59" })).toBe("overdue");
    expect(stateAt(now, { status: "received", dueAt: "2025-08-07 09:00" })).toBe("overdue");
  });

  it("is due soon within one working day, up to and including the limit", () => {
    expect(stateAt(now, { status: "assigned", dueAt: "2025-08-11 09:00" })).toBe("due_soon");
    expect(stateAt(now, { status: "assigned", dueAt: "2025-08-12 08:00" })).toBe("due_soon");
    expect(stateAt(now, { status: "fee_paid", dueAt: "2025-08-12 09:00" })).toBe("due_soon");
  });

  it("is within the time limit beyond one working day, or without an appointment", () => {
    expect(stateAt(now, { status: "awaiting_signature", dueAt: "2025-08-12 09:01" })).toBe("within");
    expect(stateAt(now, { status: "appraising", dueAt: "2025-08-20 09:00" })).toBe("within");
    expect(stateAt(now, { status: "received", dueAt: null })).toBe("within");
  });

  it("counts working days, not calendar days: on a Friday afternoon a Monday appointment is due soon", () => {
    expect(stateAt("2025-08-08 16:00", { status: "appraising", dueAt: "2025-08-11 10:00" })).toBe("due_soon");
    expect(stateAt("2025-08-08 16:00", { status: "appraising", dueAt: "2025-08-12 16:00" })).toBe("within");
  });

  it("after closing time, one working day reaches the end of the next working day", () => {
    expect(stateAt("2025-08-11 20:00", { status: "appraising", dueAt: "2025-08-12 17:00" })).toBe("due_soon");
    expect(stateAt("2025-08-11 20:00", { status: "appraising", dueAt: "2025-08-13 08:00" })).toBe("within");
  });

  it("skips days off of the calendar", () => {
    const holidays = makeClock(makeCalendar(["2025-09-01", "2025-09-02"]), DEFAULT_OFFICE_HOURS);
    // Friday 29/08 afternoon; Monday 1/9 and Tuesday 2/9 are days off, so Wednesday morning is within one working day.
    expect(stateAt("2025-08-29 16:00", { status: "appraising", dueAt: "2025-09-03 10:00" }, holidays)).toBe("due_soon");
    expect(stateAt("2025-08-29 16:00", { status: "appraising", dueAt: "2025-09-03 10:00" })).toBe("within");
  });
});

describe("onTimeState for paused and other dossiers", () => {
  it("reports every paused state as paused, even past the appointment", () => {
    for (const status of pausedStatuses) {
      expect(stateAt("2025-08-11 09:00", { status, dueAt: "2025-08-01 09:00" })).toBe("paused");
    }
  });

  it("has no verdict for dossiers waiting for reception, rejected or withdrawn", () => {
    for (const status of ["submitted", "rejected", "withdrawn"] as const) {
      expect(stateAt("2025-08-11 09:00", { status, dueAt: "2025-08-01 09:00" })).toBe("none");
    }
  });

  it("classifies every status into exactly one family and labels every state in Vietnamese", () => {
    const families = [...finishedStatuses, ...pausedStatuses, ...inProgressStatuses];
    expect(new Set(families).size).toBe(families.length);
    expect(onTimeLabels).toMatchObject({
      early: "Trước hạn",
      on_time: "Đúng hạn",
      late: "Trễ hạn",
      within: "Trong hạn",
      due_soon: "Sắp đến hạn",
      overdue: "Quá hạn",
      paused: "Tạm dừng",
    });
  });
});
