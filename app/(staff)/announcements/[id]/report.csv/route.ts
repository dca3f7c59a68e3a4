import { announcementRecipientsReport } from "@/lib/announcements/queries";
import { skipReasonLabels } from "@/lib/announcements/status";
import { currentStaff } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { toCsv } from "@/lib/followers/csv";
import { formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";

const statusVi: Record<string, string> = {
  queued: "Chờ gửi",
  sending: "Đang gửi",
  sent: "Đã gửi",
  failed_temporary: "Lỗi, sẽ thử lại",
  failed_permanent: "Lỗi",
  skipped: "Bỏ qua",
  cancelled: "Đã hủy",
};
const channelVi: Record<string, string> = { cs: "Tin tư vấn", zbs: "Tin mẫu ZBS", broadcast: "Bài viết (broadcast)" };

/** GET /announcements/<id>/report.csv → every recipient with the outcome in plain Vietnamese. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const me = await currentStaff();
  if (!me) return new Response("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", { status: 401 });
  try {
    const r = await announcementRecipientsReport(me, Number((await params).id));
    if (!r) return new Response("Không tìm thấy tin.", { status: 404 });
    const csv = toCsv(
      ["Tên Zalo", "Zalo ID", "Kết quả", "Kênh", "Lý do", "Gửi lúc"],
      r.rows.map((x) => [
        x.name,
        x.oaUserId,
        statusVi[x.status] ?? x.status,
        x.channel ? channelVi[x.channel] : "",
        x.skipReason ? skipReasonLabels[x.skipReason] : (x.error ?? ""),
        formatDateTime(x.sentAt),
      ]),
    );
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="tin-${r.announcement.id}-nguoi-nhan.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof ForbiddenError) return new Response(err.message, { status: 403 });
    throw err;
  }
}
