import { eq, inArray, sql } from "drizzle-orm";
import { stableId } from "@/lib/sim/state";
import { demoFollowers } from "@/lib/sim/demo-followers";
import { foldForSearch } from "@/lib/text";
import type { AnnouncementBlock, AnnouncementStatus } from "@/db/schema";
import { announcements, staff, zaloFollowers } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { demoProof } from "@/lib/followers/phone-proof";

interface DemoAnnouncement {
  title: string;
  summary: string;
  category: "thu_tuc" | "van_ban" | "huong_dan" | "su_kien" | "khac";
  status: AnnouncementStatus;
  body: AnnouncementBlock[];
  comment?: string;
  daysAgo: number;
}

const demo: DemoAnnouncement[] = [
  {
    title: "Bãi bỏ yêu cầu giấy xác nhận tình trạng hôn nhân khi đăng ký kết hôn",
    summary:
      "Từ 01/7/2025, người dân không phải nộp giấy xác nhận tình trạng hôn nhân khi đăng ký kết hôn tại UBND cấp xã.",
    category: "thu_tuc",
    status: "sent",
    daysAgo: 3,
    body: [
      { type: "text", content: "Cán bộ tư pháp tra cứu thông tin hôn nhân trên Cơ sở dữ liệu quốc gia về dân cư." },
      { type: "link", url: "https://dichvucong.gov.vn", text: "Nộp hồ sơ trên Cổng Dịch vụ công quốc gia" },
    ],
  },
  {
    title: "Hướng dẫn nộp hồ sơ cấp phiếu lý lịch tư pháp qua VNeID",
    summary: "Các bước đăng nhập VNeID, chọn thủ tục và nhận kết quả tại Bộ phận Một cửa.",
    category: "huong_dan",
    status: "submitted",
    daysAgo: 0,
    body: [
      {
        type: "text",
        content: "Bước 1: Mở ứng dụng VNeID. Bước 2: Chọn Thủ tục hành chính → Cấp phiếu lý lịch tư pháp.",
      },
    ],
  },
  {
    title: "Lịch tiếp công dân tháng này",
    summary: "Lãnh đạo UBND tỉnh tiếp công dân định kỳ tại Ban Tiếp công dân tỉnh.",
    category: "su_kien",
    status: "returned",
    comment: "Bổ sung ngày giờ và địa điểm cụ thể.",
    daysAgo: 1,
    body: [{ type: "text", content: "Thời gian: sáng ngày 15 hằng tháng." }],
  },
  {
    title: "Nghị định mới về phí, lệ phí thủ tục hành chính",
    summary: "Tóm tắt các mức phí thay đổi từ đầu năm.",
    category: "van_ban",
    status: "draft",
    daysAgo: 0,
    body: [{ type: "text", content: "Nội dung đang soạn." }],
  },
];

/** About 50 followers with tags (the simulator has the same phones) and a few announcements in different states. */
export async function seedAnnouncements(db: DbOrTx): Promise<void> {
  const now = Date.now();
  const rows = demoFollowers().map((f) => ({
    oaUserId: stableId(`user:${f.phone}`),
    appUserId: stableId(`app:${f.phone}`),
    displayName: f.name,
    nameKey: foldForSearch(f.name),
    following: f.following,
    followedAt: new Date(now - (f.hoursAgo + 24 * 30) * 3600_000),
    unfollowedAt: f.following ? null : new Date(now - 3600_000),
    lastInteractionAt: new Date(now - f.hoursAgo * 3600_000),
    tags: f.tags,
    phone84: f.linked ? f.phone : null,
    ...(f.linked ? demoProof() : {}),
    phoneClaim84: f.claimed ? f.phone : null,
    sharedName: f.linked || f.claimed ? f.name : null,
    consentAt: f.linked || f.claimed ? new Date(now - f.hoursAgo * 3600_000) : null,
  }));
  await db.insert(zaloFollowers).values(rows).onConflictDoNothing({ target: zaloFollowers.oaUserId });

  const [publisher] = await db
    .select({ id: staff.id, unitId: staff.unitId })
    .from(staff)
    .where(eq(staff.username, "publisher"));
  const [supervisor] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, "supervisor"));
  if (!publisher?.unitId) return;
  const existing = await db
    .select({ title: announcements.title })
    .from(announcements)
    .where(
      inArray(
        announcements.title,
        demo.map((d) => d.title),
      ),
    );
  for (const d of demo.filter((x) => !existing.some((e) => e.title === x.title))) {
    const at = new Date(now - d.daysAgo * 86_400_000);
    const done = d.status === "sent";
    const [a] = await db
      .insert(announcements)
      .values({
        unitId: publisher.unitId,
        slug: sql`'seed-' || gen_random_uuid()::text`,
        title: d.title,
        summary: d.summary,
        category: d.category,
        body: d.body,
        audience: { kind: "all" },
        status: d.status,
        reviewComment: d.comment ?? null,
        createdBy: publisher.id,
        submittedAt: d.status === "draft" ? null : at,
        approvedBy: done ? (supervisor?.id ?? null) : null,
        approvedAt: done ? at : null,
        scheduledAt: done ? at : null,
        sendStartedAt: done ? at : null,
        publishedAt: done ? at : null,
        finishedAt: done ? at : null,
        broadcastMsgId: done ? "seed-broadcast" : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: announcements.id });
    const slug = `${foldForSearch(d.title)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80)}-${a.id}`;
    await db.update(announcements).set({ slug }).where(eq(announcements.id, a.id));
    if (done) {
      await db.execute(sql`insert into announcement_recipients (announcement_id, follower_id, oa_user_id, channel,
        status, sent_at)
        select ${a.id}, id, oa_user_id, 'broadcast', 'sent', ${at.toISOString()}::timestamptz from zalo_followers
          where following
        on conflict do nothing`);
    }
  }
}
