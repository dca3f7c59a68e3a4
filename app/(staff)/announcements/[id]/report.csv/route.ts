import { getMessages, getTranslations } from "next-intl/server";
import { announcementRecipientsReport } from "@/lib/announcements/queries";
import { currentStaff } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import { toCsv } from "@/lib/followers/csv";
import { formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";

/** GET /announcements/<id>/report.csv → every recipient with the outcome in plain words. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const me = await currentStaff();
  const m = await getTranslations();
  const t = await getTranslations("announcements");
  if (!me) return new Response(m("login.expired"), { status: 401 });
  try {
    const r = await announcementRecipientsReport(me, Number((await params).id));
    if (!r) return new Response(t("errors.notFoundShort"), { status: 404 });
    const csv = toCsv(
      (await getMessages()).announcements.csv.recipients,
      r.rows.map((x) => [
        x.name,
        x.oaUserId,
        t(`recipientStatuses.${x.status}`) ?? x.status,
        x.channel ? (t(`channels.${x.channel}`) ?? x.channel) : "",
        x.skipReason ? t(`skipReasons.${x.skipReason}`) : (x.error ?? ""),
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
