import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  auditLog,
  calendarDays,
  conversationMessages,
  conversationSettings,
  conversations,
  zaloFollowers,
} from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { toLocalDate } from "@/lib/calendar";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { processDueEvents } from "@/lib/zalo-webhook/process";
import {
  TEST_OA,
  signedRequest,
  type StubZalo,
  startStubZalo,
  textEvent,
  useTestOaEnv,
} from "@/lib/zalo-webhook/testing";
import type { NotificationTransport } from "@/lib/notifications/transport";
import { seedTestOrg } from "@/lib/testing";
import { ZaloApiError } from "@/lib/zalo/errors";
import { storeTokenPair } from "@/lib/zalo/tokens";
import { POST } from "@/app/api/zalo/webhook/route";
import { addNote } from "./note";
import { assignConversation } from "./assign";
import { classifyConversation } from "./classify";
import { publishedFaq, saveFaqEntry } from "./faq";
import { routeToConversation } from "./hook";
import { markConversationRead } from "./mark-read";
import { petitionFigures } from "./petition-stats";
import { countUnread, getConversation, inboxFilterSchema, listConversations } from "./queries";
import { replyToConversation } from "./reply";
import { resolveConversation } from "./resolve";
import { SATISFACTION_PROMPT } from "./satisfaction";
import { retryReply } from "./retry";
import { sendDueReplies } from "./sender";
import { transferConversation } from "./transfer";

let h: DbHandle;
let zalo: StubZalo;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
const HOUR = 3600_000;

async function deliver(payload: unknown) {
  expect((await POST(signedRequest(payload))).status).toBe(200);
}
async function drain() {
  while ((await processDueEvents(h.db, "test")) > 0);
}
const filter = (raw: Record<string, unknown> = {}) => inboxFilterSchema.parse(raw);
const messagesOf = (id: number) =>
  h.db
    .select()
    .from(conversationMessages)
    .where(eq(conversationMessages.conversationId, id))
    .orderBy(conversationMessages.id);
async function conversationOf(userId: string) {
  const [f] = await h.db.select().from(zaloFollowers).where(eq(zaloFollowers.oaUserId, userId));
  const rows = await h.db.select().from(conversations).where(eq(conversations.followerId, f.id));
  return { follower: f, rows };
}
function echo(userId: string, msgId: string, text: string) {
  return {
    app_id: TEST_OA.appId,
    event_name: "oa_send_text",
    timestamp: String(Date.now()),
    sender: { id: TEST_OA.oaId },
    recipient: { id: userId },
    message: { msg_id: msgId, text },
  };
}

function fakeTransport(
  ids: string[] = [],
): NotificationTransport & { sent: { to: string; text: string }[]; fail: ZaloApiError | null } {
  let n = 0;
  const t = {
    sent: [] as { to: string; text: string }[],
    fail: null as ZaloApiError | null,
    async sendConsultationText(to: string, text: string) {
      if (t.fail) throw t.fail;
      t.sent.push({ to, text });
      return { messageId: ids[n++] ?? `fake-${Date.now()}-${n}` };
    },
    async sendTemplateByPhone(input: { phone: string; templateData: Record<string, string> }) {
      t.sent.push({ to: input.phone, text: JSON.stringify(input.templateData) });
      return { msgId: `zbs-${++n}`, sentTime: null, quota: null };
    },
  };
  return t;
}

beforeAll(async () => {
  useTestOaEnv();
  zalo = await startStubZalo();
  process.env.ZALO_OPENAPI_URL = zalo.url;
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  await storeTokenPair(h.db, {
    accessToken: "stub-access-token",
    refreshToken: "stub-refresh",
    expiresInSeconds: 90_000,
  });
});
afterAll(async () => {
  await h?.close();
  await zalo?.close();
});

describe("incoming messages", () => {
  it("open a conversation in the one-stop centre once per msg_id; images join it; look-ups stay out", async () => {
    const first = textEvent("u-ask", "Cho tôi hỏi thủ tục đăng ký khai sinh cần giấy tờ gì?", { msgId: "ask-1" });
    await deliver(first);
    await deliver(first);
    await deliver({
      ...textEvent("u-ask", "x"),
      event_name: "user_send_image",
      message: { msg_id: "ask-img", attachments: [{ type: "image", payload: { url: "https://x/a.jpg" } }] },
    });
    await deliver(textEvent("u-ask", "#HOTRO", { msgId: "ask-help" }));
    await drain();
    const { rows } = await conversationOf("u-ask");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ unitId: org.unitIds.center, status: "open", category: "question", unreadCount: 2 });
    expect((await messagesOf(rows[0].id)).map((m) => [m.direction, m.kind, m.zaloMsgId])).toEqual([
      ["in", "text", "ask-1"],
      ["in", "image", "ask-img"],
    ]);
    expect(await countUnread(org.receptionist)).toBeGreaterThanOrEqual(1);
  });

  it("finds conversations by message text without diacritics, in the caller's scope only", async () => {
    const hits = await listConversations(org.receptionist, filter({ q: "dang ky KHAI SINH" }));
    expect(hits.map((r) => r.subject)).toContain("Cho tôi hỏi thủ tục đăng ký khai sinh cần giấy tờ gì?");
    expect(await listConversations(org.receptionistThanhSen, filter({ q: "khai sinh" }))).toEqual([]);
  });
});

describe("petitions", () => {
  it(
    "a message under the PAKN menu gets a reference number, " + "an acknowledgement and a deadline that skips holidays",
    async () => {
      await h.db.insert(calendarDays).values([
        { date: "2026-04-30", kind: "holiday", name: "Ngày Giải phóng miền Nam", confirmed: true },
        { date: "2026-05-01", kind: "holiday", name: "Ngày Quốc tế Lao động", confirmed: true },
      ]);
      const [f] = await h.db
        .insert(zaloFollowers)
        .values({ oaUserId: "u-pakn", lastInteractionAt: new Date() })
        .returning();
      // Thursday 23/04/2026 09:00 in Hà Tĩnh; 10 working days skipping 30/4 and 1/5 → Monday 11/05/2026.
      const at = new Date("2026-04-23T02:00:00Z");
      const r = await routeToConversation(h.db, f, {
        msgId: "pakn-1",
        kind: "text",
        text: "#PAKN Đèn đường tổ 5 bị hỏng",
        attachments: null,
        at,
      });
      const [c] = await h.db.select().from(conversations).where(eq(conversations.id, r!.conversationId));
      expect(c.category).toBe("report");
      expect(c.referenceNumber).toMatch(/^PAKN-2026-\d{6}$/);
      expect(toLocalDate(c.dueAt!)).toBe("2026-05-11");
      const ack = (await messagesOf(c.id)).find((m) => m.source === "system");
      expect(ack).toMatchObject({ direction: "out", status: "queued", channel: "cs", recipient: "u-pakn" });
      expect(ack!.text).toContain(c.referenceNumber!);
      expect(ack!.text).toContain("11/05/2026");
    },
  );

  it("staff classifying a question as kiến nghị opens the petition; transfer moves it with its reason", async () => {
    const { rows } = await conversationOf("u-ask");
    const updated = await classifyConversation(org.receptionist, {
      conversationId: rows[0].id,
      category: "petition",
      priority: "high",
      labels: "hộ tịch, khai sinh",
    });
    expect(updated).toMatchObject({ category: "petition", priority: "high", labels: ["hộ tịch", "khai sinh"] });
    expect(updated.referenceNumber).toMatch(/^PAKN-/);
    await transferConversation(org.receptionist, {
      conversationId: rows[0].id,
      unitId: org.unitIds.justice,
      reason: "Thuộc thẩm quyền Sở Tư pháp",
    });
    const [moved] = await h.db.select().from(conversations).where(eq(conversations.id, rows[0].id));
    expect(moved.unitId).toBe(org.unitIds.justice);
    expect((await messagesOf(moved.id)).at(-1)).toMatchObject({
      direction: "note",
      text: expect.stringContaining("Thuộc thẩm quyền Sở Tư pháp"),
    });
    // Gone from the centre's inbox, and the centre can no longer act on it.
    await expect(getConversation(org.receptionist, moved.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getConversation(org.admin, moved.id)).resolves.toBeTruthy();
  });
});

describe("replies, echoes and delivery", () => {
  it("a reply inside 48 h is a free consultation, sent once; its echo and receipts do not duplicate it", async () => {
    await sendDueReplies(h.db, "w0", { transport: fakeTransport() });
    await deliver(textEvent("u-reply", "Hồ sơ của tôi khi nào có kết quả?", { msgId: "r-1" }));
    await drain();
    const { rows } = await conversationOf("u-reply");
    const msg = await replyToConversation(org.receptionist, {
      conversationId: rows[0].id,
      text: "Chào Ông/Bà, hồ sơ sẽ có kết quả ngày 12/12.",
    });
    expect(msg).toMatchObject({ channel: "cs", status: "queued", authorName: "Nguyễn Thị Hương" });
    const t = fakeTransport(["zalo-r-1"]);
    expect(await sendDueReplies(h.db, "w1", { transport: t })).toBeGreaterThanOrEqual(1);
    expect(await sendDueReplies(h.db, "w1", { transport: t })).toBe(0);
    expect(t.sent.filter((s) => s.to === "u-reply")).toHaveLength(1);
    await deliver(echo("u-reply", "zalo-r-1", "Chào Ông/Bà, hồ sơ sẽ có kết quả ngày 12/12."));
    await deliver({
      app_id: TEST_OA.appId,
      event_name: "user_seen_message",
      timestamp: String(Date.now()),
      sender: { id: "u-reply" },
      recipient: { id: TEST_OA.oaId },
      message: { msg_ids: ["zalo-r-1"] },
    });
    await drain();
    const out = (await messagesOf(rows[0].id)).filter((m) => m.direction === "out");
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ zaloMsgId: "zalo-r-1", status: "seen", source: "portal" });
    const [c] = await h.db.select().from(conversations).where(eq(conversations.id, rows[0].id));
    expect(c).toMatchObject({
      status: "pending",
      waitingSince: null,
      unreadCount: 0,
      assigneeId: org.receptionist.actor.id,
    });
  });

  it("an echo processed before the send is recorded still shows the reply once (the echo row gives way)", async () => {
    const { rows } = await conversationOf("u-reply");
    await replyToConversation(org.receptionist, { conversationId: rows[0].id, text: "Bổ sung: mang theo CCCD." });
    await deliver(echo("u-reply", "zalo-r-2", "Bổ sung: mang theo CCCD."));
    await drain();
    expect((await messagesOf(rows[0].id)).filter((m) => m.zaloMsgId === "zalo-r-2")).toMatchObject([
      { source: "oa_manager" },
    ]);
    await sendDueReplies(h.db, "w1", { transport: fakeTransport(["zalo-r-2"]) });
    const withId = (await messagesOf(rows[0].id)).filter((m) => m.text === "Bổ sung: mang theo CCCD.");
    expect(withId.map((m) => [m.source, m.zaloMsgId, m.status])).toEqual([["portal", "zalo-r-2", "sent"]]);
  });

  it("a reply typed in the OA manager appears once in the conversation", async () => {
    const { rows } = await conversationOf("u-reply");
    await deliver(echo("u-reply", "oa-manual-1", "Cán bộ trả lời từ OA Manager"));
    await deliver(echo("u-reply", "oa-manual-1", "Cán bộ trả lời từ OA Manager"));
    await drain();
    expect((await messagesOf(rows[0].id)).filter((m) => m.zaloMsgId === "oa-manual-1")).toHaveLength(1);
  });

  it("a failed reply keeps its reason and can be sent again", async () => {
    const { rows } = await conversationOf("u-reply");
    const msg = await replyToConversation(org.receptionist, { conversationId: rows[0].id, text: "Tin sẽ lỗi" });
    const t = fakeTransport(["zalo-retry"]);
    t.fail = new ZaloApiError({ kind: "permanent", code: -213, httpStatus: 200, message: "User has not followed OA" });
    await sendDueReplies(h.db, "w1", { transport: t });
    let [row] = await h.db.select().from(conversationMessages).where(eq(conversationMessages.id, msg.id));
    expect(row).toMatchObject({
      status: "failed_permanent",
      lastErrorCode: -213,
      lastError: "Người dùng chưa quan tâm OA",
    });
    await retryReply(org.receptionist, { conversationId: rows[0].id, messageId: msg.id });
    t.fail = null;
    await sendDueReplies(h.db, "w1", { transport: t });
    [row] = await h.db.select().from(conversationMessages).where(eq(conversationMessages.id, msg.id));
    expect(row).toMatchObject({ status: "sent", zaloMsgId: "zalo-retry" });
    await expect(
      retryReply(org.receptionist, { conversationId: rows[0].id, messageId: msg.id }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("Zalo's reply windows", () => {
  async function conversationLastSeen(userId: string, ago: number, phone84: string | null = null) {
    const now = new Date();
    const [f] = await h.db
      .insert(zaloFollowers)
      .values({ oaUserId: userId, phone84, lastInteractionAt: new Date(now.getTime() - ago) })
      .returning();
    const r = await routeToConversation(h.db, f, {
      msgId: `${userId}-1`,
      kind: "text",
      text: "Xin hỏi",
      attachments: null,
      at: new Date(now.getTime() - ago),
    });
    return { id: r!.conversationId, now };
  }

  it(
    "at exactly 48 h a reply is paid: refused without confirmation, " + "forbidden by the setting, sent once confirmed",
    async () => {
      const { id, now } = await conversationLastSeen("u-48h", 48 * HOUR);
      await expect(
        replyToConversation({ ...org.receptionist, db: h.db, now }, { conversationId: id, text: "Trả lời" }),
      ).rejects.toBeInstanceOf(ValidationError);
      await h.db
        .insert(conversationSettings)
        .values({ id: 1, allowPaidReplies: false })
        .onConflictDoUpdate({ target: conversationSettings.id, set: { allowPaidReplies: false } });
      await expect(
        replyToConversation(
          { ...org.receptionist, db: h.db, now },
          { conversationId: id, text: "Trả lời", confirmPaid: "on" },
        ),
      ).rejects.toBeInstanceOf(ConflictError);
      await h.db.update(conversationSettings).set({ allowPaidReplies: true });
      const msg = await replyToConversation(
        { ...org.receptionist, db: h.db, now },
        { conversationId: id, text: "Trả lời", confirmPaid: "on" },
      );
      expect(msg.channel).toBe("cs_paid");
      const justBefore = new Date(now.getTime() - 1000);
      expect(
        (
          await replyToConversation(
            { ...org.receptionist, db: h.db, now: justBefore },
            { conversationId: id, text: "Sớm hơn" },
          )
        ).channel,
      ).toBe("cs");
    },
  );

  it("from exactly 7 days only an approved ZBS template to the linked phone", async () => {
    const { id, now } = await conversationLastSeen("u-7d", 7 * 24 * HOUR, "84912000222");
    await h.db.update(conversationSettings).set({ zbsTemplateId: null });
    await expect(
      replyToConversation({ ...org.receptionist, db: h.db, now }, { conversationId: id, text: "Trả lời" }),
    ).rejects.toThrow(/mẫu tin ZBS/);
    await h.db.update(conversationSettings).set({ zbsTemplateId: "320001" });
    await expect(
      replyToConversation(
        { ...org.receptionist, db: h.db, now },
        { conversationId: id, text: "Trả lời", confirmPaid: "on" },
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    const msg = await replyToConversation(
      { ...org.receptionist, db: h.db, now },
      { conversationId: id, text: "Trả lời theo mẫu", useTemplate: "on" },
    );
    expect(msg).toMatchObject({ channel: "zbs", recipient: "84912000222", templateId: "320001" });
    expect(msg.templateParams).toMatchObject({ answer: "Trả lời theo mẫu" });
    const paid = await replyToConversation(
      { ...org.receptionist, db: h.db, now: new Date(now.getTime() - 1000) },
      { conversationId: id, text: "Còn trong 7 ngày", confirmPaid: "on" },
    );
    expect(paid.channel).toBe("cs_paid");
  });
});

describe("resolve and reopen", () => {
  it("a new message after resolving reopens the same conversation with its whole history", async () => {
    await deliver(textEvent("u-reopen", "Câu hỏi thứ nhất", { msgId: "ro-1" }));
    await drain();
    const { rows } = await conversationOf("u-reopen");
    await addNote(org.receptionist, { conversationId: rows[0].id, text: "Đã gọi điện hướng dẫn" });
    await resolveConversation(org.receptionist, { conversationId: rows[0].id });
    expect((await conversationOf("u-reopen")).rows[0]).toMatchObject({ status: "resolved", unreadCount: 0 });
    await deliver(textEvent("u-reopen", "Tôi hỏi thêm một ý", { msgId: "ro-2" }));
    await drain();
    const after = await conversationOf("u-reopen");
    expect(after.rows).toHaveLength(1);
    expect(after.rows[0]).toMatchObject({ status: "open", resolvedAt: null, unreadCount: 1 });
    expect((await messagesOf(rows[0].id)).map((m) => m.text)).toEqual([
      "Câu hỏi thứ nhất",
      "Đã gọi điện hướng dẫn",
      "Tôi hỏi thêm một ý",
    ]);
    await markConversationRead(org.receptionist, rows[0].id);
    expect((await conversationOf("u-reopen")).rows[0].unreadCount).toBe(0);
  });

  it("a petition's outcome is sent to the citizen and recorded", async () => {
    await deliver(textEvent("u-outcome", "#KIENNGHI Đề nghị mở thêm quầy", { msgId: "oc-1" }));
    await drain();
    const { rows } = await conversationOf("u-outcome");
    await resolveConversation(org.receptionist, {
      conversationId: rows[0].id,
      outcome: "Đã bố trí thêm 01 quầy từ 15/12.",
    });
    const [c] = await h.db.select().from(conversations).where(eq(conversations.id, rows[0].id));
    expect(c).toMatchObject({ status: "resolved", outcome: "Đã bố trí thêm 01 quầy từ 15/12." });
    expect(c.outcomeSentAt).not.toBeNull();
    const out = (await messagesOf(c.id)).filter((m) => m.source === "portal");
    expect(out.at(-1)!.text).toBe(
      `Kết quả giải quyết ${c.referenceNumber}: Đã bố trí thêm 01 quầy từ 15/12.\n${SATISFACTION_PROMPT}`,
    );
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "conversation.resolve"), eq(auditLog.entityId, String(c.id))));
    expect(audits).toHaveLength(1);
  });
});

describe("scope (attacker side)", () => {
  it("another unit's receptionist neither sees nor answers a centre conversation, whatever id is tried", async () => {
    await deliver(textEvent("u-scope", "Câu hỏi gửi trung tâm", { msgId: "sc-1" }));
    await drain();
    const { rows } = await conversationOf("u-scope");
    const id = rows[0].id;
    const other = org.receptionistThanhSen;
    expect((await listConversations(other, filter())).map((r) => r.id)).not.toContain(id);
    expect(await countUnread(other)).toBe(0);
    await expect(getConversation(other, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(replyToConversation(other, { conversationId: id, text: "Tôi trả lời thay" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(addNote(other, { conversationId: id, text: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignConversation(other, { conversationId: id, assigneeId: other.actor.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      transferConversation(other, { conversationId: id, unitId: org.unitIds.thanhsen, reason: "lấy về" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(resolveConversation(other, { conversationId: id })).rejects.toBeInstanceOf(NotFoundError);
    await markConversationRead(other, id);
    expect((await conversationOf("u-scope")).rows[0]).toMatchObject({
      unreadCount: 1,
      unitId: org.unitIds.center,
      status: "open",
    });
    expect((await messagesOf(id)).filter((m) => m.direction !== "in")).toEqual([]);
    // Assigning to someone outside the owning unit is refused too.
    await expect(
      assignConversation(org.receptionist, { conversationId: id, assigneeId: other.actor.id }),
    ).rejects.toBeInstanceOf(ValidationError);
    // A supervisor may read but not answer.
    await expect(replyToConversation(org.supervisor, { conversationId: id, text: "x" })).rejects.toThrow();
  });
});

describe("public FAQ", () => {
  it(
    "publishes an edited answer by field with phone numbers " + "masked; drafts and other units' ids stay out",
    async () => {
      const { rows } = await conversationOf("u-reopen");
      await expect(
        saveFaqEntry(org.receptionistThanhSen, {
          conversationId: rows[0].id,
          field: "Hộ tịch",
          question: "q",
          answer: "a",
          published: "on",
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await saveFaqEntry(org.receptionist, {
        conversationId: rows[0].id,
        field: "Hộ tịch",
        question: "Gọi 0912345678 hỏi khai sinh cần gì?",
        answer: "Cần tờ khai và giấy chứng sinh.",
        published: "on",
      });
      const { rows: draftRows } = await conversationOf("u-scope");
      await saveFaqEntry(org.receptionist, {
        conversationId: draftRows[0].id,
        field: "Chứng thực",
        question: "Nháp",
        answer: "Nháp",
      });
      const groups = await publishedFaq(h.db);
      expect(groups).toEqual([
        {
          field: "Hộ tịch",
          entries: [
            expect.objectContaining({
              question: "Gọi 091*****78 hỏi khai sinh cần gì?",
              answer: "Cần tờ khai và giấy chứng sinh.",
            }),
          ],
        },
      ]);
    },
  );
});

describe("petition figures (Decision 766)", () => {
  it("count petitions answered by their deadline's date, late and overdue, in the caller's scope", async () => {
    const from = new Date("2026-01-01T00:00:00Z");
    const to = new Date("2027-01-01T00:00:00Z");
    const answeredAt = new Date("2026-06-01T02:00:00Z");
    const [late] = await h.db
      .insert(zaloFollowers)
      .values({ oaUserId: "u-late", lastInteractionAt: answeredAt })
      .returning();
    const r = await routeToConversation(h.db, late, {
      msgId: "late-1",
      kind: "text",
      text: "#PAKN Nước thải tràn ra đường",
      attachments: null,
      at: new Date("2026-03-02T02:00:00Z"),
    });
    await resolveConversation(
      { ...org.receptionist, db: h.db, now: answeredAt },
      { conversationId: r!.conversationId, outcome: "Đã khắc phục." },
    );
    const figures = await petitionFigures({ ...org.admin, db: h.db }, from, to);
    const all = await h.db.select().from(conversations);
    const petitions = all.filter((c) => c.referenceNumber && c.petitionAt && c.petitionAt >= from && c.petitionAt < to);
    expect(figures.received).toBe(petitions.length);
    // u-outcome's kiến nghị was answered the day it came; the 23/04/2026 phản ánh was never answered and is past 11/05.
    expect(figures.answeredOnTime).toBeGreaterThanOrEqual(1);
    expect(figures.answeredLate).toBe(1);
    expect(figures.overdue).toBeGreaterThanOrEqual(1);
    expect(figures.onTimeRatio).toBeCloseTo((figures.answeredOnTime / figures.received) * 100);
    expect(await petitionFigures({ ...org.receptionistThanhSen, db: h.db }, from, to)).toEqual({
      received: 0,
      answeredOnTime: 0,
      answeredLate: 0,
      overdue: 0,
      onTimeRatio: null,
      rated: 0,
      dissatisfied: 0,
      satisfactionRatio: null,
    });
  });

  it(
    "the citizen rates the outcome by answering on Zalo; the " +
      "rating feeds ratio 2 and does not reopen the petition",
    async () => {
      const { rows } = await conversationOf("u-outcome");
      const id = rows[0].id;
      await deliver(textEvent("u-outcome", "3", { msgId: "oc-rate-1" }));
      await drain();
      let [c] = await h.db.select().from(conversations).where(eq(conversations.id, id));
      expect(c).toMatchObject({ status: "resolved", satisfaction: "dissatisfied", unreadCount: 0 });
      const timeline = await messagesOf(id);
      expect(timeline.find((m) => m.zaloMsgId === "oc-rate-1")).toMatchObject({ direction: "in", text: "3" });
      expect(timeline.at(-1)).toMatchObject({
        source: "system",
        status: "queued",
        text: expect.stringContaining("chưa hài lòng"),
      });
      // The latest answer counts; a redelivery changes nothing.
      await deliver(textEvent("u-outcome", "Rất hài lòng!", { msgId: "oc-rate-2" }));
      await deliver(textEvent("u-outcome", "Rất hài lòng!", { msgId: "oc-rate-2" }));
      await drain();
      [c] = await h.db.select().from(conversations).where(eq(conversations.id, id));
      expect(c).toMatchObject({ status: "resolved", satisfaction: "very_satisfied" });
      expect((await messagesOf(id)).filter((m) => m.zaloMsgId === "oc-rate-2")).toHaveLength(1);
      // Anything else is a new message: the petition reopens with its history.
      await deliver(textEvent("u-outcome", "Quầy mới vẫn chưa mở", { msgId: "oc-rate-3" }));
      await drain();
      [c] = await h.db.select().from(conversations).where(eq(conversations.id, id));
      expect(c).toMatchObject({ status: "open", satisfaction: "very_satisfied" });
    },
  );

  it("a digit from a citizen without an answered petition is an ordinary message", async () => {
    await deliver(textEvent("u-digit", "2", { msgId: "dg-1" }));
    await drain();
    const { rows } = await conversationOf("u-digit");
    expect(rows).toMatchObject([{ status: "open", satisfaction: null, unreadCount: 1 }]);
  });

  it("ratio 2 counts petitions neither rated Không hài lòng nor handled late", async () => {
    const [f] = await h.db
      .insert(zaloFollowers)
      .values({ oaUserId: "u-unhappy", lastInteractionAt: new Date() })
      .returning();
    const r = await routeToConversation(h.db, f, {
      msgId: "uh-1",
      kind: "text",
      text: "#PHANANH Đèn đường hỏng",
      attachments: null,
      at: new Date(),
    });
    await resolveConversation(org.receptionist, { conversationId: r!.conversationId, outcome: "Đã thay bóng đèn." });
    await routeToConversation(h.db, f, {
      msgId: "uh-2",
      kind: "text",
      text: "Không hài lòng",
      attachments: null,
      at: new Date(),
    });
    const from = new Date("2026-01-01T00:00:00Z");
    const figures = await petitionFigures({ ...org.admin, db: h.db }, from, new Date(Date.now() + 24 * HOUR));
    const all = await h.db.select().from(conversations);
    const petitions = all.filter((c) => c.referenceNumber && c.petitionAt && c.petitionAt >= from);
    const late = (c: (typeof all)[number]) =>
      c.outcomeSentAt
        ? !!c.dueAt && toLocalDate(c.outcomeSentAt) > toLocalDate(c.dueAt)
        : !!c.dueAt && c.dueAt < new Date();
    const bad = petitions.filter((c) => late(c) || c.satisfaction === "dissatisfied").length;
    expect(figures.rated).toBe(petitions.filter((c) => c.satisfaction).length);
    expect(figures.dissatisfied).toBe(1);
    expect(figures.rated).toBeGreaterThanOrEqual(2);
    expect(figures.satisfactionRatio).toBeCloseTo(((petitions.length - bad) / petitions.length) * 100);
  });
});
