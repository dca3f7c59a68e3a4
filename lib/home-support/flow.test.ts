import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  chatFlowSessions,
  homeSupportCapacity,
  homeSupportRegistrations,
  homeSupportSlotLoad,
  notifications,
} from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { expireIdleSessions } from "@/lib/chat-flows/expire";
import { weekday } from "@/lib/calendar/time";
import { type SimMessage, startHomeSupportHarness } from "@/lib/zalo-webhook/chat-harness";

let h: DbHandle;
let t: Awaited<ReturnType<typeof startHomeSupportHarness>>;

beforeAll(async () => {
  h = await useTestDb();
  t = await startHomeSupportHarness(h.db);
});
afterAll(async () => {
  await t?.close();
  await h?.close();
});

const buttonsOf = (m: SimMessage) => m.attachment?.payload?.buttons ?? [];

async function session(phone: string) {
  const c = await t.sim.control<{ citizen: { userId: string } }>(`/citizens/${phone}`);
  const rows = await h.db.select().from(chatFlowSessions).where(eq(chatFlowSessions.oaUserId, c.citizen.userId));
  return rows.sort((a, b) => b.id - a.id)[0];
}

/** Share-information → procedure by keyword "ruou" → first slot; stops at the summary. */
async function reachSummary(phone: string, name: string) {
  await t.citizen(phone, name);
  await t.say(phone, "ĐK hỗ trợ tại nhà");
  await t.act(phone, "submit_info", { name, address: "Tổ 5, phường Thành Sen, Hà Tĩnh" });
  await t.say(phone, "ruou");
  await t.say(phone, "1");
  const slots = await t.lastReply(phone);
  await t.say(phone, "1");
  return slots;
}

describe("home-support registration through the OA chat (simulator end to end)", () => {
  it("welcomes a new follower with the OA menu", async () => {
    await t.citizen("0912000001", "Võ Thị Hoa");
    await t.act("0912000001", "follow");
    const welcome = await t.lastReply("0912000001");
    expect(welcome.text).toContain("ĐK hỗ trợ tại nhà");
    expect(welcome.text).toContain("Tìm thủ tục");
  });

  it(
    "registers: consent card, procedure by keyword without diacritics, " +
      "free slots, summary, booking code; every event applied once",
    async () => {
      const phone = "0912000002";
      await t.citizen(phone, "Nguyễn Văn Tâm");
      await t.say(phone, "ĐK hỗ trợ tại nhà");
      const card = await t.lastReply(phone);
      expect(card.attachment?.payload?.template_type).toBe("request_user_info");
      const count = async () => (await t.oaMessages(phone)).length;

      let before = await count();
      await t.replayLastEvent();
      expect(await count()).toBe(before);

      await t.act(phone, "submit_info", { name: "Nguyễn Văn Tâm", address: "Tổ 5, phường Thành Sen" });
      expect((await t.lastReply(phone)).text).toContain("thủ tục hành chính nào");
      before = await count();
      await t.replayLastEvent();
      expect(await count()).toBe(before);

      await t.say(phone, "ruou");
      const choices = await t.lastReply(phone);
      expect(choices.text).toContain("1. Cấp Giấy phép bán lẻ rượu");
      expect(choices.text.split("\n").filter((l) => /^\d\. /.test(l)).length).toBeLessThanOrEqual(5);
      before = await count();
      await t.replayLastEvent();
      expect(await count()).toBe(before);

      await t.say(phone, "1");
      const slots = await t.lastReply(phone);
      expect(slots.text).toMatch(/1\. (Sáng|Chiều) Thứ/);
      expect(buttonsOf(slots)[0]).toMatchObject({ payload: "1" });
      await t.replayLastEvent();
      expect(await count()).toBe(before + 1);

      await t.say(phone, "1");
      const summary = await t.lastReply(phone);
      expect(summary.text).toContain("Nguyễn Văn Tâm");
      expect(summary.text).toContain("0912 000 002");
      await t.replayLastEvent();
      expect(await count()).toBe(before + 2);

      await t.say(phone, "đồng ý");
      const confirmed = await t.lastReply(phone);
      expect(confirmed.text).toMatch(/đăng ký thành công.*Mã đăng ký: HT-\d{5}/s);
      await t.replayLastEvent();
      expect(await count()).toBe(before + 3);

      const code = /HT-\d{5}/.exec(confirmed.text)![0];
      const [reg] = await h.db.select().from(homeSupportRegistrations).where(eq(homeSupportRegistrations.code, code));
      expect(reg).toMatchObject({
        status: "new",
        citizenName: "Nguyễn Văn Tâm",
        phone84: "84912000002",
        procedureText: "Cấp Giấy phép bán lẻ rượu",
      });
      expect(reg.consentText).toContain("Đăng ký hỗ trợ nộp hồ sơ trực tuyến tại nhà");
      expect(reg.consentAt).toBeInstanceOf(Date);
      const [load] = await h.db
        .select()
        .from(homeSupportSlotLoad)
        .where(
          and(
            eq(homeSupportSlotLoad.unitId, reg.unitId),
            eq(homeSupportSlotLoad.slotDate, reg.slotDate),
            eq(homeSupportSlotLoad.slot, reg.slot),
          ),
        );
      expect(load.booked).toBe(1);
      expect((await session(phone)).status).toBe("done");
    },
  );

  it('"khác" with free text skips the catalogue; help text is given on "?"', async () => {
    const phone = "0912000003";
    await t.citizen(phone, "Lê Thị Mai");
    await t.say(phone, "dk ho tro tai nha");
    await t.act(phone, "submit_info", { name: "Lê Thị Mai", address: "Thạch Hà" });
    await t.say(phone, "?");
    expect((await t.lastReply(phone)).text).toContain('Gõ "hủy" để thoát');
    await t.say(phone, "khác: đăng ký kinh doanh hộ cá thể");
    expect((await t.lastReply(phone)).text).toContain("Thủ tục: đăng ký kinh doanh hộ cá thể");
  });

  it('"hủy" leaves the flow; the next text goes to the look-up as usual', async () => {
    const phone = "0912000004";
    await t.citizen(phone, "Phan Văn Hùng");
    await t.say(phone, "ĐK hỗ trợ tại nhà");
    await t.say(phone, "Hủy");
    expect((await t.lastReply(phone)).text).toContain("Đã thoát");
    expect((await session(phone)).status).toBe("cancelled");
    await t.say(phone, "H27.37-240219-9999");
    expect((await t.lastReply(phone)).text).toContain("Không tìm thấy hồ sơ có mã H27.37-240219-9999");
  });

  it("ends an idle flow after 30 minutes and says so, once", async () => {
    const phone = "0912000005";
    await t.citizen(phone, "Đặng Thu Hà");
    await t.say(phone, "ĐK hỗ trợ tại nhà");
    expect(await expireIdleSessions(h.db, new Date(Date.now() + 29 * 60_000))).toBe(0);
    expect(await expireIdleSessions(h.db, new Date(Date.now() + 31 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await expireIdleSessions(h.db, new Date(Date.now() + 32 * 60_000))).toBe(0);
    await t.pump();
    expect((await t.lastReply(phone)).text).toContain("quá 30 phút");
    expect((await t.oaMessages(phone)).filter((m) => m.text.includes("quá 30 phút"))).toHaveLength(1);
    expect((await session(phone)).status).toBe("expired");
  });

  it("offers other slots when the chosen one was filled by someone else meanwhile", async () => {
    const slots = await reachSummary("0912000006", "Hồ Văn Nam");
    const first = buttonsOf(slots)[0].title;
    const s = await session("0912000006");
    const chosen = s.data.chosen as { date: string; slot: "morning" | "afternoon" };
    const unitId = s.data.unitId as number;
    await h.db
      .insert(homeSupportCapacity)
      .values({ unitId, weekday: weekday(chosen.date), slot: chosen.slot, capacity: 1 })
      .onConflictDoUpdate({
        target: [homeSupportCapacity.unitId, homeSupportCapacity.weekday, homeSupportCapacity.slot],
        set: { capacity: 1 },
      });
    // Another citizen takes the last place first.
    await reachSummary("0912000007", "Trương Thị Lan");
    await t.say("0912000007", "1");
    expect((await t.lastReply("0912000007")).text).toContain("đăng ký thành công");

    await t.say("0912000006", "1");
    const reply = await t.lastReply("0912000006");
    expect(reply.text).toContain("vừa hết chỗ");
    expect(buttonsOf(reply).map((b) => b.title)).not.toContain(first);
    expect((await session("0912000006")).step).toBe("slot");
    await h.db.delete(homeSupportCapacity);
  });

  it("moves and cancels a booking by chat, giving the place back", async () => {
    const phone = "0912000008";
    await reachSummary(phone, "Bùi Minh Khoa");
    await t.say(phone, "1");
    const code = /HT-\d{5}/.exec((await t.lastReply(phone)).text)![0];
    await t.say(phone, "đổi lịch");
    expect((await t.lastReply(phone)).text).toContain(`Lịch ${code}`);
    await t.say(phone, "1");
    await t.say(phone, "2");
    expect((await t.lastReply(phone)).text).toContain(`Đổi lịch ${code} sang`);
    await t.say(phone, "1");
    expect((await t.lastReply(phone)).text).toContain(`Đã đổi lịch ${code}`);
    const [moved] = await h.db.select().from(homeSupportRegistrations).where(eq(homeSupportRegistrations.code, code));

    await t.say(phone, "hủy lịch");
    await t.say(phone, "2");
    expect((await t.lastReply(phone)).text).toContain(`Đã hủy lịch hỗ trợ tại nhà ${code}`);
    const [cancelled] = await h.db
      .select()
      .from(homeSupportRegistrations)
      .where(eq(homeSupportRegistrations.code, code));
    expect(cancelled.status).toBe("cancelled");
    const [load] = await h.db
      .select()
      .from(homeSupportSlotLoad)
      .where(
        and(
          eq(homeSupportSlotLoad.unitId, moved.unitId),
          eq(homeSupportSlotLoad.slotDate, moved.slotDate),
          eq(homeSupportSlotLoad.slot, moved.slot),
        ),
      );
    expect(load.booked).toBe(0);
  });

  it("answers the menu's procedure search and contacts entries", async () => {
    const phone = "0912000009";
    await t.citizen(phone, "Ngô Văn Lực");
    await t.say(phone, "Tìm thủ tục");
    await t.say(phone, "LPG chai");
    expect((await t.lastReply(phone)).text).toContain("1. Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai");
    await t.say(phone, "1");
    const detail = (await t.lastReply(phone)).text;
    expect(detail).toContain("Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai");
    expect(detail).toContain("Thành phần hồ sơ");
    expect(detail).toContain("Lệ phí");
    expect(detail).toContain("Thời hạn giải quyết");
    await t.say(phone, "Liên hệ");
    const contacts = (await t.lastReply(phone)).text;
    expect(contacts).toContain("0239 3855 000");
    expect(contacts).toMatch(/sáng \d\d:\d\d–\d\d:\d\d/);
  });

  it("never sends a chat reply from the handler itself: replies are outbox rows", async () => {
    const rows = await h.db.select().from(notifications).where(eq(notifications.eventType, "chat:home-support"));
    expect(rows.length).toBeGreaterThan(5);
    expect(
      rows
        .filter((r) => r.channel !== "cs" || r.dossierId !== null || r.status !== "sent")
        .map((r) => [r.status, r.lastError]),
    ).toEqual([]);
  });
});
