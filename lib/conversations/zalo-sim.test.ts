import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { conversationMessages, conversationSettings, conversations, zaloFollowers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ValidationError } from "@/lib/errors";
import { eventCount, startHomeSupportHarness } from "@/lib/zalo-webhook/chat-harness";
import { zaloTransport } from "@/lib/notifications/transport";
import { ZaloApiError } from "@/lib/zalo/errors";
import { replyToConversation } from "./reply";
import { claimDueReplies, sendDueReplies, sweepStuckReplies } from "./sender";

/**
 * Replies through the HTTP Zalo simulator with the portal's real transport: the faulty network's side of
 * "no reply sent twice", and the 48 h / 7-day windows as Zalo counts them (zalo-api.md §6.4).
 */
let h: DbHandle;
let t: Awaited<ReturnType<typeof startHomeSupportHarness>>;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  h = await useTestDb();
  t = await startHomeSupportHarness(h.db);
  await t.sim.control("/settings", { echoOaMessages: true });
  await h.db
    .insert(conversationSettings)
    .values({ id: 1, zbsTemplateId: "320001" })
    .onConflictDoUpdate({ target: conversationSettings.id, set: { zbsTemplateId: "320001" } });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await h?.close();
});

interface PhoneMessage {
  direction: string;
  kind: string;
  text: string;
  billing?: "free" | "paid";
}

async function ask(phone: string, name: string, text: string): Promise<{ conversationId: number; userId: string }> {
  await t.citizen(phone, name);
  await t.say(phone, text);
  const { citizen } = await t.sim.control<{ citizen: { userId: string } }>(`/citizens/${phone}`);
  const [row] = await h.db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(zaloFollowers, eq(zaloFollowers.id, conversations.followerId))
    .where(eq(zaloFollowers.oaUserId, citizen.userId));
  return { conversationId: row.id, userId: citizen.userId };
}

const onPhone = async (phone: string, text: string) =>
  ((await t.messages(phone)) as PhoneMessage[]).filter((m) => m.direction === "oa" && m.text === text);
const replyRows = (conversationId: number, text: string) =>
  h.db
    .select()
    .from(conversationMessages)
    .where(and(eq(conversationMessages.conversationId, conversationId), eq(conversationMessages.text, text)));
/** Waits until the simulator's oa_send_text echoes reached the webhook (it posts them while answering). */
async function echoesStored(n: number) {
  for (let i = 0; i < 100 && (await eventCount(h.db, "oa_send_text")) < n; i++)
    await new Promise((r) => setTimeout(r, 50));
  expect(await eventCount(h.db, "oa_send_text")).toBeGreaterThanOrEqual(n);
}
/** As if the retry's backoff had passed. */
const makeDue = (id: number) =>
  h.db
    .update(conversationMessages)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(eq(conversationMessages.id, id));

describe("a reply Zalo accepted but whose outcome the portal never recorded", () => {
  it("answer lost on the way back: the retry waits for evidence, the echo records it, sent once", async () => {
    const { conversationId } = await ask("0912700001", "Lê Văn Mất", "Cho tôi hỏi lệ phí trích lục khai sinh");
    const text = "Lệ phí trích lục khai sinh là 8.000 đ một bản.";
    const reply = await replyToConversation(t.org.receptionist, { conversationId, text });
    const echoesBefore = await eventCount(h.db, "oa_send_text");
    await t.sim.control("/faults", { lostReplyRate: 1, hangMs: 0 });
    expect(await sendDueReplies(h.db, "w1")).toBeGreaterThanOrEqual(1);
    await t.sim.control("/faults", { reset: true });
    const [failed] = await replyRows(conversationId, text);
    expect(failed).toMatchObject({ id: reply.id, status: "failed_temporary", zaloMsgId: null });
    expect(await onPhone("0912700001", text)).toHaveLength(1);

    await echoesStored(echoesBefore + 1);
    await makeDue(reply.id);
    // The echo is stored but not processed yet: it may be the proof, so nothing is sent again.
    expect(await sendDueReplies(h.db, "w1")).toBe(0);
    await t.pump();
    await makeDue(reply.id);
    expect(await sendDueReplies(h.db, "w1")).toBe(0);

    const rows = await replyRows(conversationId, text);
    expect(rows.map((r) => [r.id, r.source, r.status === "sent" || r.status === "delivered"])).toEqual([
      [reply.id, "portal", true],
    ]);
    expect(rows[0].zaloMsgId).toMatch(/^[0-9a-f]{20}$/);
    expect(await onPhone("0912700001", text)).toHaveLength(1);
  });

  it("worker killed after Zalo accepted: the sweeper leaves the reply to its echo, never resends", async () => {
    const { conversationId } = await ask("0912700002", "Trần Thị Chết", "Hồ sơ của tôi khi nào có kết quả");
    const text = "Hồ sơ của Ông/Bà có kết quả ngày 15/12/2026.";
    const reply = await replyToConversation(t.org.receptionist, { conversationId, text });
    const echoesBefore = await eventCount(h.db, "oa_send_text");
    // The dying worker: claims, Zalo accepts, and it stops before recording anything.
    const [claimed] = (await claimDueReplies(h.db, "dying")).filter((r) => r.id === reply.id);
    await zaloTransport(h.db).sendConsultationText(claimed.recipient ?? "", claimed.text ?? "");
    await echoesStored(echoesBefore + 1);

    expect(await sweepStuckReplies(h.db, 0)).toBe(0);
    await t.pump();
    expect(await sweepStuckReplies(h.db, 0)).toBe(0);
    expect(await sendDueReplies(h.db, "w2")).toBe(0);
    const [row] = await replyRows(conversationId, text);
    expect(row.status === "sent" || row.status === "delivered").toBe(true);
    expect(await onPhone("0912700002", text)).toHaveLength(1);
  });

  it("without any sign of acceptance the swept reply is sent again (real recoveries go through)", async () => {
    const { conversationId } = await ask("0912700003", "Phạm Văn Lại", "Xin hỏi giờ làm việc thứ bảy");
    const text = "Bộ phận Một cửa làm việc sáng thứ bảy.";
    const reply = await replyToConversation(t.org.receptionist, { conversationId, text });
    await claimDueReplies(h.db, "dying");
    // Died before calling Zalo: nothing reached the phone, no echo.
    await t.pump();
    expect(await sweepStuckReplies(h.db, 0)).toBeGreaterThanOrEqual(1);
    await sendDueReplies(h.db, "w3");
    const [row] = await replyRows(conversationId, text);
    expect(row).toMatchObject({ id: reply.id, status: "sent" });
    expect(await onPhone("0912700003", text)).toHaveLength(1);
  });
});

describe("Zalo's windows: the simulator and the portal agree at the edges", () => {
  async function lastInteraction(phone: string, userId: string, ago: number) {
    const at = Date.now() - ago;
    await t.sim.control("/citizens", { phone, lastInteractionAt: at });
    await h.db
      .update(zaloFollowers)
      .set({ lastInteractionAt: new Date(at), phone84: `84${phone.replace(/\D/g, "").slice(1)}` })
      .where(eq(zaloFollowers.oaUserId, userId));
  }

  it("just inside 48 h: a free consultation, accepted as free", async () => {
    const phone = "0912700010";
    const { conversationId, userId } = await ask(phone, "Võ Thị Miễn", "Cần mang gì khi chứng thực?");
    await lastInteraction(phone, userId, 48 * HOUR - 60_000);
    const text = "Mang bản chính và bản sao cần chứng thực.";
    expect(await replyToConversation(t.org.receptionist, { conversationId, text })).toMatchObject({ channel: "cs" });
    await sendDueReplies(h.db, "w");
    expect((await replyRows(conversationId, text))[0].status).toBe("sent");
    expect(await onPhone(phone, text)).toMatchObject([{ billing: "free" }]);
  });

  it("from 48 h: confirmation required, then a paid consultation Zalo accepts and bills", async () => {
    const phone = "0912700011";
    const { conversationId, userId } = await ask(phone, "Đinh Văn Phí", "Làm lại CCCD ở đâu?");
    await lastInteraction(phone, userId, 48 * HOUR + 5_000);
    const text = "Ông/Bà làm lại CCCD tại Công an phường.";
    await expect(replyToConversation(t.org.receptionist, { conversationId, text })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await replyToConversation(t.org.receptionist, { conversationId, text, confirmPaid: "on" })).toMatchObject({
      channel: "cs_paid",
    });
    await sendDueReplies(h.db, "w");
    expect((await replyRows(conversationId, text))[0].status).toBe("sent");
    expect(await onPhone(phone, text)).toMatchObject([{ billing: "paid" }]);
  });

  it("just inside 7 days: still a paid consultation both sides accept", async () => {
    const phone = "0912700012";
    const { conversationId, userId } = await ask(phone, "Hồ Thị Sát", "Xin hỏi thủ tục kết hôn");
    await lastInteraction(phone, userId, 7 * DAY - 60_000);
    const text = "Thủ tục kết hôn cần tờ khai và CCCD của hai bên.";
    expect(await replyToConversation(t.org.receptionist, { conversationId, text, confirmPaid: "on" })).toMatchObject({
      channel: "cs_paid",
    });
    await sendDueReplies(h.db, "w");
    expect((await replyRows(conversationId, text))[0].status).toBe("sent");
    expect(await onPhone(phone, text)).toMatchObject([{ billing: "paid" }]);
  });

  it("from 7 days: Zalo refuses a consultation (-230), the portal offers only the approved ZBS template", async () => {
    const phone = "0912700013";
    const { conversationId, userId } = await ask(phone, "Ngô Văn Muộn", "Hồ sơ đất đai của tôi thế nào?");
    await lastInteraction(phone, userId, 7 * DAY + 5_000);
    const err = await zaloTransport(h.db)
      .sendConsultationText(userId, "thử gửi trực tiếp")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect((err as ZaloApiError).code).toBe(-230);
    const text = "Hồ sơ đất đai của Ông/Bà đang được thẩm định.";
    await expect(
      replyToConversation(t.org.receptionist, { conversationId, text, confirmPaid: "on" }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await replyToConversation(t.org.receptionist, { conversationId, text, useTemplate: "on" })).toMatchObject({
      channel: "zbs",
      templateId: "320001",
    });
    await sendDueReplies(h.db, "w");
    expect((await replyRows(conversationId, text))[0].status).toBe("sent");
    const phoneMessages = (await t.messages(phone)) as PhoneMessage[];
    expect(phoneMessages.filter((m) => m.kind === "template" && m.text.includes(text))).toHaveLength(1);
  });
});
