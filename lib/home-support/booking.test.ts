import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  chatFlowSessions,
  homeSupportCapacity,
  homeSupportRegistrations,
  homeSupportSlotLoad,
  notifications,
  oaMenuSettings,
} from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { applyChatFlowInput } from "@/lib/chat-flows/engine";
import { foldInput } from "@/lib/chat-flows/words";
import { weekday } from "@/lib/calendar/time";
import { chatFlowCatalog } from "@/lib/oa-menu/registry";
import { seedTestOrg } from "@/lib/testing";
import { sendDueReminders } from "./reminders";

let h: DbHandle;
let centre: number;

beforeAll(async () => {
  h = await useTestDb();
  const org = await seedTestOrg(h.db);
  centre = org.unitIds.center;
  await h.db.insert(oaMenuSettings).values({ id: 1, homeSupportUnitId: centre });
});
afterAll(async () => {
  await h?.close();
});

const text = (oaUserId: string, key: string, body: string, at: Date) =>
  applyChatFlowInput(h.db, chatFlowCatalog, {
    oaUserId,
    key,
    at,
    input: { kind: "text", text: body, folded: foldInput(body) },
  });

async function sessionOf(oaUserId: string) {
  const [s] = await h.db
    .select()
    .from(chatFlowSessions)
    .where(and(eq(chatFlowSessions.oaUserId, oaUserId), eq(chatFlowSessions.status, "active")));
  return s;
}

async function repliesTo(oaUserId: string) {
  return h.db.select().from(notifications).where(eq(notifications.recipient, oaUserId));
}

describe("chat-flow engine", () => {
  it("applies a redelivered input once and ignores an older one delivered late", async () => {
    const t0 = new Date();
    expect(await text("u-order", "m1", "ĐK hỗ trợ tại nhà", t0)).toBe("handled");
    expect(await text("u-order", "m1", "ĐK hỗ trợ tại nhà", t0)).toBe("handled");
    expect(await repliesTo("u-order")).toHaveLength(1);
    // "?" written at t0+2s arrives before "xin chào" written at t0+1s.
    expect(await text("u-order", "m3", "?", new Date(t0.getTime() + 2000))).toBe("handled");
    expect(await text("u-order", "m2", "xin chào", new Date(t0.getTime() + 1000))).toBe("handled");
    expect(await repliesTo("u-order")).toHaveLength(2);
    expect((await sessionOf("u-order")).step).toBe("consent");
  });

  it("passes texts that are not for a flow on to the look-up and the inbox, also when redelivered", async () => {
    expect(await text("u-pass", "p1", "H27.37-240219-1001", new Date())).toBe("passed");
    expect(await text("u-pass", "p1", "H27.37-240219-1001", new Date())).toBe("passed");
    expect(await repliesTo("u-pass")).toHaveLength(0);
  });
});

describe("capacity", () => {
  it("20 concurrent confirmations of the last place: exactly one booking, never oversold", async () => {
    const date = "2030-01-07"; // a Monday
    await h.db
      .insert(homeSupportCapacity)
      .values({ unitId: centre, weekday: weekday(date), slot: "morning", capacity: 3 });
    await h.db.insert(homeSupportSlotLoad).values({ unitId: centre, slotDate: date, slot: "morning", booked: 2 });
    const users = Array.from({ length: 20 }, (_, i) => `u-race-${i}`);
    const at = new Date(Date.now() - 1000);
    await h.db.insert(chatFlowSessions).values(
      users.map((oaUserId) => ({
        oaUserId,
        flow: "home-support",
        step: "confirm",
        data: {
          unitId: centre,
          unitName: "Trung tâm",
          procedureId: null,
          procedureText: "Hỗ trợ khác",
          name: oaUserId,
          phone84: "84912345678",
          consentAt: at.toISOString(),
          consentText: "Đồng ý",
          chosen: { date, slot: "morning" },
        },
        lastEventAt: at,
        expiresAt: new Date(Date.now() + 600_000),
      })),
    );
    const results = await Promise.allSettled(users.map((u) => text(u, `race-${u}`, "1", new Date())));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const booked = await h.db
      .select()
      .from(homeSupportRegistrations)
      .where(and(eq(homeSupportRegistrations.slotDate, date), eq(homeSupportRegistrations.slot, "morning")));
    expect(booked).toHaveLength(1);
    const [load] = await h.db
      .select()
      .from(homeSupportSlotLoad)
      .where(and(eq(homeSupportSlotLoad.slotDate, date), eq(homeSupportSlotLoad.slot, "morning")));
    expect(load.booked).toBe(3);
    const [{ n }] = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(sql`${notifications.recipient} like 'u-race-%' and ${notifications.params}->>'text' like '%vừa hết chỗ%'`);
    expect(n).toBe(19);
  });
});

describe("reminder the working day before", () => {
  it("is sent once, on the working day before, from 08:00, not for a booking made that day", async () => {
    const base = {
      unitId: centre,
      oaUserId: "u-remind",
      citizenName: "Nguyễn Thị Nhắc",
      phone84: "84912111222",
      consentAt: new Date("2030-02-01T02:00:00Z"),
      consentText: "Đồng ý",
      procedureText: "Cấp Giấy phép bán lẻ rượu",
      slot: "morning" as const,
    };
    // Booking for Monday 2030-02-11; Friday 2030-02-08 is the working day before.
    await h.db.insert(homeSupportRegistrations).values([
      { ...base, code: "HT-R0001", slotDate: "2030-02-11", createdAt: new Date("2030-02-01T02:00:00Z") },
      { ...base, code: "HT-R0002", slotDate: "2030-02-11", createdAt: new Date("2030-02-08T03:00:00Z") },
      {
        ...base,
        code: "HT-R0003",
        slotDate: "2030-02-11",
        status: "cancelled",
        createdAt: new Date("2030-02-01T02:00:00Z"),
      },
    ]);
    expect(await sendDueReminders(h.db, new Date("2030-02-07T03:00:00Z"))).toBe(0); // Thursday: too early
    expect(await sendDueReminders(h.db, new Date("2030-02-08T00:30:00Z"))).toBe(0); // Friday 07:30
    expect(await sendDueReminders(h.db, new Date("2030-02-08T02:00:00Z"))).toBe(1); // Friday 09:00
    expect(await sendDueReminders(h.db, new Date("2030-02-08T05:00:00Z"))).toBe(0);
    expect(await sendDueReminders(h.db, new Date("2030-02-09T02:00:00Z"))).toBe(0); // Saturday
    const sent = await h.db.select().from(notifications).where(eq(notifications.recipient, "u-remind"));
    expect(sent).toHaveLength(1);
    expect(sent[0].params.text).toContain("HT-R0001");
    expect(sent[0].params.text).toContain("Sáng Thứ Hai 11/02/2030");
  });
});
