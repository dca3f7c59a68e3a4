import { eq } from "drizzle-orm";
import { systemCtx } from "@/lib/auth/actor";
import { addNote } from "@/lib/conversations/note";
import { routeToConversation } from "@/lib/conversations/hook";
import { resolveConversation } from "@/lib/conversations/resolve";
import { transferConversation } from "@/lib/conversations/transfer";
import { demoProof } from "@/lib/followers/phone-proof";
import { touchFollower } from "@/lib/followers/record";
import { stableId } from "@/lib/sim/state";
import type { Db } from "@/db/client";
import {
  cannedAnswers,
  conversationMessages,
  conversationSettings,
  conversations,
  units,
  zaloFollowers,
} from "@/db/schema";

const HOUR = 3600_000;

const canned = [
  {
    title: "Chào hỏi, đã tiếp nhận",
    body:
      "Kính gửi {ten}! {don_vi} đã nhận được câu hỏi của Ông/Bà (số {so_tiep_nhan}). Cán bộ {can_bo} sẽ trả lời " +
      "trước ngày {han_tra_loi}. Trân trọng!",
  },
  {
    title: "Hướng dẫn hồ sơ khai sinh",
    body:
      "Kính gửi {ten}! Hồ sơ đăng ký khai sinh gồm: tờ khai theo mẫu, giấy chứng sinh (hoặc văn bản thay thế). " +
      "Ông/Bà có thể nộp trực tuyến trên Cổng dịch vụ công hoặc tại Bộ phận Một cửa. Trân trọng!",
  },
  {
    title: "Đã chuyển đơn vị có thẩm quyền",
    body:
      "Kính gửi {ten}! Nội dung {so_tiep_nhan} thuộc thẩm quyền đơn vị khác, {don_vi} đã chuyển để giải quyết " +
      "theo quy định. Trân trọng!",
  },
];

async function follower(db: Db, phone84: string, name: string, lastInteractionAgoMs: number, linked: boolean) {
  const f = await touchFollower(
    db,
    stableId(`user:${phone84}`),
    new Date(Date.now() - lastInteractionAgoMs),
    stableId(`app:${phone84}`),
  );
  const [row] = await db
    .update(zaloFollowers)
    .set({
      displayName: name,
      following: true,
      followedAt: f.followedAt ?? new Date(Date.now() - 30 * 24 * HOUR),
      ...(linked ? { phone84, ...demoProof(), sharedName: name, consentAt: new Date() } : {}),
    })
    .where(eq(zaloFollowers.id, f.id))
    .returning();
  return row;
}

async function incoming(
  db: Db,
  f: Awaited<ReturnType<typeof follower>>,
  key: string,
  text: string | null,
  agoMs: number,
  kind: "text" | "image" | "sticker" = "text",
) {
  const attachments =
    kind === "text" ? null : [{ type: kind, payload: { url: `https://zalo-sim.invalid/${kind}/${key}.jpg` } }];
  const r = await routeToConversation(db, f, {
    msgId: `demo-${key}`,
    kind,
    text,
    attachments,
    at: new Date(Date.now() - agoMs),
  });
  return r!.conversationId;
}

async function sentReply(
  db: Db,
  conversationId: number,
  key: string,
  text: string,
  agoMs: number,
  status: "seen" | "delivered" | "failed_permanent",
) {
  const at = new Date(Date.now() - agoMs);
  const failed = status === "failed_permanent";
  await db.insert(conversationMessages).values({
    conversationId,
    direction: "out",
    source: "portal",
    kind: "text",
    text,
    authorName: "Nguyễn Thị Hương",
    channel: "cs",
    status,
    zaloMsgId: failed ? null : `demo-out-${key}`,
    sentAt: failed ? null : at,
    deliveredAt: failed ? null : at,
    seenAt: status === "seen" ? at : null,
    failedAt: failed ? at : null,
    lastErrorCode: failed ? -213 : null,
    lastError: failed ? "Người dùng chưa quan tâm OA" : null,
    attempts: 1,
    at,
  });
  await db
    .update(conversations)
    .set({ status: failed ? "open" : "pending", waitingSince: failed ? at : null, unreadCount: 0 })
    .where(eq(conversations.id, conversationId));
}

/**
 * Demo conversations in every state (open, unread, petition overdue, waiting, failed reply, resolved, transferred),
 * canned answers. Idempotent.
 */
export async function seedDemoConversations(db: Db): Promise<void> {
  await db.insert(conversationSettings).values({ id: 1, zbsTemplateId: "320001" }).onConflictDoNothing();
  const [done] = await db
    .select({ id: conversationMessages.id })
    .from(conversationMessages)
    .where(eq(conversationMessages.zaloMsgId, "demo-q1"));
  if (done) return;
  if (!(await db.select({ id: cannedAnswers.id }).from(cannedAnswers).limit(1)).length)
    await db.insert(cannedAnswers).values(canned);
  const ctx = { ...systemCtx(), db };

  const an = await follower(db, "84912345678", "Nguyễn Văn An", 2 * HOUR, true);
  const q1 = await incoming(
    db,
    an,
    "q1",
    "Cho tôi hỏi làm giấy khai sinh cho con cần mang những giấy tờ gì ạ?",
    2 * HOUR,
  );
  await incoming(db, an, "q1-img", "Ảnh giấy chứng sinh của cháu", 2 * HOUR - 60_000, "image");
  void q1;

  const cuong = await follower(db, "84358123456", "Lê Văn Cường", 20 * HOUR, false);
  const p1 = await incoming(
    db,
    cuong,
    "p1",
    "#PAKN Đèn chiếu sáng đường Nguyễn Du, tổ dân phố 5 bị hỏng đã 2 tuần, đề nghị sửa chữa.",
    20 * 24 * HOUR,
  );
  await incoming(db, cuong, "p1-sticker", null, 20 * HOUR, "sticker");
  await addNote(ctx, { conversationId: p1, text: "Đã báo Phòng Kinh tế hạ tầng kiểm tra hiện trường." });

  const binh = await follower(db, "84987654321", "Trần Thị Bình", 30 * HOUR, true);
  const w1 = await incoming(db, binh, "w1", "Hồ sơ chứng thực của tôi khi nào có kết quả?", 31 * HOUR);
  await sentReply(
    db,
    w1,
    "w1",
    "Chào chị Bình, hồ sơ chứng thực trả trong ngày, chị mang CCCD đến nhận giúp ạ.",
    30 * HOUR,
    "seen",
  );

  const dung = await follower(db, "84706543210", "Phạm Thị Dung", 60 * HOUR, false);
  const f1 = await incoming(db, dung, "f1", "Tôi muốn hỏi lệ phí cấp phiếu lý lịch tư pháp là bao nhiêu?", 60 * HOUR);
  await sentReply(db, f1, "f1", "Lệ phí cấp phiếu lý lịch tư pháp là 200.000 đ/lần.", 59 * HOUR, "failed_permanent");

  const hoa = await follower(db, "84911222333", "Hoàng Thị Hoa", 5 * 24 * HOUR, true);
  const r1 = await incoming(
    db,
    hoa,
    "r1",
    "#GOPY Nên bố trí thêm ghế chờ ở khu vực tiếp nhận hồ sơ đất đai.",
    5 * 24 * HOUR,
  );
  const outcome = "Trung tâm đã bổ sung 10 ghế chờ tại khu vực đất đai. Cảm ơn góp ý của Ông/Bà.";
  await sentReply(db, r1, "r1", outcome, 4 * 24 * HOUR, "seen");
  await resolveConversation({ ...ctx, now: new Date(Date.now() - 4 * 24 * HOUR) }, { conversationId: r1 });
  await db
    .update(conversations)
    .set({ outcome, outcomeSentAt: new Date(Date.now() - 4 * 24 * HOUR) })
    .where(eq(conversations.id, r1));

  const nam = await follower(db, "84913444555", "Võ Văn Nam", 9 * 24 * HOUR, false);
  const t1 = await incoming(
    db,
    nam,
    "t1",
    "Xin hỏi thủ tục đăng ký thường trú tại phường Thành Sen cần những gì?",
    9 * 24 * HOUR,
  );
  const [thanhSen] = await db
    .select({ id: units.id })
    .from(units)
    .where(eq(units.name, "Ủy ban nhân dân phường Thành Sen"));
  if (thanhSen)
    await transferConversation(ctx, {
      conversationId: t1,
      unitId: thanhSen.id,
      reason: "Thủ tục thuộc thẩm quyền UBND phường Thành Sen",
    });
}
