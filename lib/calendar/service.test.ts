import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { calendarDays, officeHours } from "@/db/schema/calendar";
import { officialCalendarDays, seedCalendar } from "@/lib/seed/calendar";
import { useTestDb } from "@/db/testing";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import {
  addProposals,
  confirmCalendarDay,
  createCalendarDay,
  deleteCalendarDay,
  getCalendarDay,
  listCalendarDays,
  listCalendarYears,
  previewProposals,
  updateCalendarDay,
} from "./admin/days";
import { deleteOfficeHours, listOfficeHours, saveOfficeHours } from "./admin/office-hours";
import { DEFAULT_OFFICE_HOURS, computeDueAt, loadCalendar, loadOfficeHours, localDateTime } from "./index";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
});
afterAll(() => h.close());

async function auditsFor(action: string) {
  return h.db.select().from(auditLog).where(eq(auditLog.action, action));
}

describe("loader before seeding", () => {
  it("an empty calendar is weekends only; no office-hours row gives the built-in default", async () => {
    const cal = await loadCalendar(h.db);
    expect(cal.daysOff.size).toBe(0);
    expect(await loadOfficeHours(h.db, null)).toEqual(DEFAULT_OFFICE_HOURS);
    expect(await loadOfficeHours(h.db, org.unitIds.thanhsen)).toEqual(DEFAULT_OFFICE_HOURS);
  });
});

describe("seed", () => {
  it("is idempotent and loads the official 2025–2026 days", async () => {
    await seedCalendar(h.db);
    await h.db.transaction((tx) => seedCalendar(tx));
    const rows = await h.db.select().from(calendarDays);
    expect(rows).toHaveLength(officialCalendarDays.length);
    expect(rows.every((r) => r.confirmed)).toBe(true);
    expect(await h.db.select().from(officeHours)).toHaveLength(1);
    const cal = await loadCalendar(h.db);
    expect(cal.workingWeekendDays).toEqual(new Set(["2025-04-26", "2026-01-10", "2026-08-22"]));
    expect(cal.daysOff.has("2026-02-16")).toBe(true);
    expect(cal.daysOff.has("2026-04-27")).toBe(true);
    expect(cal.daysOff.size).toBe(officialCalendarDays.length - 3);
  });

  it("gives the due dates of the real cases through the loader", async () => {
    const cal = await loadCalendar(h.db);
    const hours = await loadOfficeHours(h.db, org.unitIds.thanhsen);
    expect(hours).toEqual(DEFAULT_OFFICE_HOURS);
    const due = computeDueAt(cal, hours, localDateTime("2025-01-24", "10:00"), { workingDays: 3 });
    expect(due.toISOString()).toBe(localDateTime("2025-02-05", "10:00").toISOString());
  });

  it("does not overwrite an admin's edit when run again", async () => {
    const [row] = await h.db.select().from(calendarDays).where(eq(calendarDays.date, "2025-01-01"));
    await updateCalendarDay(org.admin, {
      id: row.id,
      date: "01/01/2025",
      kind: "holiday",
      name: "Tết Dương lịch 2025",
      sourceNote: "sửa tay",
      confirmed: "on",
    });
    await seedCalendar(h.db);
    const [after] = await h.db.select().from(calendarDays).where(eq(calendarDays.date, "2025-01-01"));
    expect(after.name).toBe("Tết Dương lịch 2025");
  });
});

describe("permissions", () => {
  it("only calendar.manage may read or change the calendar", async () => {
    for (const ctx of [org.receptionist, org.publisher, org.supervisor]) {
      await expect(listCalendarDays(ctx, 2026)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listCalendarYears(ctx)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createCalendarDay(ctx, { date: "24/11/2026", kind: "holiday", name: "X" })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(
        updateCalendarDay(ctx, { id: 1, date: "24/11/2026", kind: "holiday", name: "X" }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteCalendarDay(ctx, { id: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(confirmCalendarDay(ctx, { id: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(previewProposals(ctx, 2027)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addProposals(ctx, { year: 2027, dates: ["2027-02-06"], confirm: "on" })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(
        saveOfficeHours(ctx, {
          morningStart: "07:00",
          morningEnd: "11:30",
          afternoonStart: "13:30",
          afternoonEnd: "17:00",
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteOfficeHours(ctx, { unitId: org.unitIds.thanhsen })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listOfficeHours(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityType, "calendar_day"));
    expect(audits.every((a) => a.actorLabel === "admin")).toBe(true);
  });
});

describe("calendar days", () => {
  it("adds a day typed as dd/MM/yyyy with an audit row; unconfirmed days do not count", async () => {
    const row = await createCalendarDay(org.admin, {
      date: "24/11/2026",
      kind: "holiday",
      name: "Ngày Văn hóa Việt Nam (dự kiến)",
      sourceNote: "",
    });
    expect(row).toMatchObject({ date: "2026-11-24", confirmed: false, confirmedBy: null, sourceNote: null });
    expect((await loadCalendar(h.db)).daysOff.has("2026-11-24")).toBe(false);
    const [audit] = (await auditsFor("calendar_day.create")).filter((a) => a.entityId === String(row.id));
    expect(audit).toMatchObject({ entityType: "calendar_day", actorLabel: "admin" });
    expect(audit.summary).toContain("24/11/2026");

    const confirmed = await confirmCalendarDay(org.admin, { id: String(row.id) });
    expect(confirmed.confirmed).toBe(true);
    expect(confirmed.confirmedBy).toBe(org.admin.actor.id);
    expect(confirmed.confirmedAt).toBeInstanceOf(Date);
    expect((await loadCalendar(h.db)).daysOff.has("2026-11-24")).toBe(true);
    expect(await auditsFor("calendar_day.confirm")).toHaveLength(1);
  });

  it("refuses a date already in the calendar, and checks the kind against the weekday", async () => {
    await expect(
      createCalendarDay(org.admin, { date: "2026-02-17", kind: "holiday", name: "Trùng", confirmed: "on" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      createCalendarDay(org.admin, { date: "2026-03-10", kind: "makeup_working_day", name: "Làm bù", confirmed: "on" }),
    ).rejects.toMatchObject({
      fieldErrors: { kind: expect.stringMatching(/thứ Bảy hoặc Chủ nhật/) },
    });
    await expect(
      createCalendarDay(org.admin, {
        date: "2026-03-14",
        kind: "compensatory_day_off",
        name: "Nghỉ bù",
        confirmed: "on",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      createCalendarDay(org.admin, { date: "31/02/2026", kind: "holiday", name: "X" }),
    ).rejects.toMatchObject({ fieldErrors: { date: expect.stringMatching(/dd\/mm\/yyyy/) } });
    await expect(
      createCalendarDay(org.admin, { date: "2026-03-10", kind: "weekday", name: "X" }),
    ).rejects.toMatchObject({ fieldErrors: { kind: expect.any(String) } });
    await expect(
      createCalendarDay(org.admin, { date: "2026-03-10", kind: "holiday", name: "   " }),
    ).rejects.toMatchObject({ fieldErrors: { name: expect.any(String) } });
  });

  it("edits and deletes a day, each with an audit row; a make-up Saturday takes effect once confirmed", async () => {
    const row = await createCalendarDay(org.admin, {
      date: "12/12/2026",
      kind: "makeup_working_day",
      name: "Làm bù thử",
      confirmed: "on",
    });
    expect((await loadCalendar(h.db)).workingWeekendDays.has("2026-12-12")).toBe(true);
    const edited = await updateCalendarDay(org.admin, {
      id: row.id,
      date: "13/12/2026",
      kind: "makeup_working_day",
      name: "Làm bù Chủ nhật",
      confirmed: "",
    });
    expect(edited).toMatchObject({ date: "2026-12-13", confirmed: false, confirmedBy: null });
    const cal = await loadCalendar(h.db);
    expect(cal.workingWeekendDays.has("2026-12-12")).toBe(false);
    expect(cal.workingWeekendDays.has("2026-12-13")).toBe(false);
    const [upd] = (await auditsFor("calendar_day.update")).filter((a) => a.entityId === String(row.id));
    expect(upd.changes).toMatchObject({
      date: { from: "2026-12-12", to: "2026-12-13" },
      confirmed: { from: true, to: false },
    });
    await expect(
      updateCalendarDay(org.admin, { id: row.id, date: "17/02/2026", kind: "holiday", name: "Trùng", confirmed: "on" }),
    ).rejects.toBeInstanceOf(ConflictError);

    await deleteCalendarDay(org.admin, { id: row.id });
    await expect(getCalendarDay(org.admin, row.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCalendarDay(org.admin, { id: row.id })).rejects.toBeInstanceOf(NotFoundError);
    const [del] = (await auditsFor("calendar_day.delete")).filter((a) => a.entityId === String(row.id));
    expect(del.summary).toContain("13/12/2026");
  });

  it("lists a year's days in date order and the years present", async () => {
    const days = await listCalendarDays(org.admin, "2026");
    expect(days[0].date).toBe("2026-01-01");
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days.every((d) => d.date.startsWith("2026"))).toBe(true);
    expect(await listCalendarYears(org.admin)).toEqual([2026, 2025]);
    await expect(listCalendarDays(org.admin, "năm nay")).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("proposals", () => {
  it("previews 2026 against the seeded days", async () => {
    const { proposals } = await previewProposals(org.admin, "2026");
    const tet = proposals.find((p) => p.date === "2026-02-17");
    expect(tet?.existing?.confirmed).toBe(true);
    const hung = proposals.find((p) => p.date === "2026-04-26");
    expect(hung?.existing).toBeNull();
  });

  it("adds only chosen proposals; drafts do not count until confirmed; existing dates are skipped", async () => {
    const drafts = await addProposals(org.admin, { year: "2027", dates: ["2027-02-05", "2027-02-06"], confirm: "" });
    expect(drafts.added.map((d) => d.confirmed)).toEqual([false, false]);
    expect((await loadCalendar(h.db)).daysOff.has("2027-02-05")).toBe(false);

    const res = await addProposals(org.admin, {
      year: "2027",
      dates: ["2027-02-05", "2027-02-08", "2027-02-10"],
      confirm: "on",
    });
    expect(res.added.map((d) => d.date)).toEqual(["2027-02-08", "2027-02-10"]);
    expect(res.skipped).toEqual(["2027-02-05"]);
    const [comp] = res.added.filter((d) => d.date === "2027-02-10");
    expect(comp).toMatchObject({ kind: "compensatory_day_off", confirmed: true, confirmedBy: org.admin.actor.id });
    const cal = await loadCalendar(h.db);
    expect(cal.daysOff.has("2027-02-08")).toBe(true);
    expect(cal.daysOff.has("2027-02-05")).toBe(false);
    expect(await auditsFor("calendar_day.confirm_proposals")).toHaveLength(1);
    expect(await auditsFor("calendar_day.draft_proposals")).toHaveLength(1);
  });

  it("refuses dates that are not proposals of that year", async () => {
    await expect(
      addProposals(org.admin, { year: "2027", dates: ["2027-03-03"], confirm: "on" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(addProposals(org.admin, { year: "2027", confirm: "on" })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      addProposals(org.admin, { year: "1800", dates: ["1800-01-01"], confirm: "on" }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("office hours", () => {
  it("the seeded default applies to every unit until a unit has its own", async () => {
    const list = await listOfficeHours(org.admin);
    expect(list.fallback).toMatchObject({
      unitId: null,
      morningStart: "07:30",
      afternoonEnd: "17:00",
      saturdayMorning: false,
    });
    expect(list.units).toEqual([]);

    await saveOfficeHours(org.admin, {
      unitId: String(org.unitIds.thanhsen),
      morningStart: "07:00",
      morningEnd: "11:30",
      afternoonStart: "13:30",
      afternoonEnd: "17:00",
      saturdayMorning: "on",
    });
    expect(await loadOfficeHours(h.db, org.unitIds.thanhsen)).toEqual({
      morning: ["07:00", "11:30"],
      afternoon: ["13:30", "17:00"],
      saturdayMorning: true,
    });
    expect(await loadOfficeHours(h.db, org.unitIds.thachha)).toEqual(DEFAULT_OFFICE_HOURS);
    expect((await listOfficeHours(org.admin)).units.map((u) => u.unitId)).toEqual([org.unitIds.thanhsen]);

    await saveOfficeHours(org.admin, {
      unitId: "",
      morningStart: "08:00",
      morningEnd: "11:30",
      afternoonStart: "13:00",
      afternoonEnd: "16:30",
    });
    expect(await loadOfficeHours(h.db, org.unitIds.thachha)).toEqual({
      morning: ["08:00", "11:30"],
      afternoon: ["13:00", "16:30"],
      saturdayMorning: false,
    });
    expect(await loadOfficeHours(h.db, null)).toEqual({
      morning: ["08:00", "11:30"],
      afternoon: ["13:00", "16:30"],
      saturdayMorning: false,
    });
    expect(await h.db.select().from(officeHours)).toHaveLength(2);

    await deleteOfficeHours(org.admin, { unitId: String(org.unitIds.thanhsen) });
    expect((await loadOfficeHours(h.db, org.unitIds.thanhsen)).morning).toEqual(["08:00", "11:30"]);
    await expect(deleteOfficeHours(org.admin, { unitId: String(org.unitIds.thanhsen) })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    const saves = await auditsFor("office_hours.save");
    expect(saves).toHaveLength(2);
    expect(saves.find((a) => a.entityId === "default")?.changes).toMatchObject({
      morningStart: { from: "07:30", to: "08:00" },
    });
    const [del] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "office_hours.delete"), eq(auditLog.entityId, String(org.unitIds.thanhsen))));
    expect(del).toBeDefined();
  });

  it("rejects hours that make no sense and unknown units", async () => {
    const base = { morningStart: "07:30", morningEnd: "11:30", afternoonStart: "13:30", afternoonEnd: "17:00" };
    await expect(saveOfficeHours(org.admin, { ...base, morningEnd: "07:00" })).rejects.toMatchObject({
      fieldErrors: { morningEnd: expect.any(String) },
    });
    await expect(saveOfficeHours(org.admin, { ...base, afternoonStart: "11:00" })).rejects.toMatchObject({
      fieldErrors: { afternoonStart: expect.any(String) },
    });
    await expect(saveOfficeHours(org.admin, { ...base, afternoonEnd: "7h" })).rejects.toMatchObject({
      fieldErrors: { afternoonEnd: expect.stringMatching(/HH:MM/) },
    });
    await expect(saveOfficeHours(org.admin, { ...base, unitId: "999999" })).rejects.toMatchObject({
      fieldErrors: { unitId: expect.any(String) },
    });
  });
});
