import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { announcementStatuses } from "@/db/schema";
import { listAnnouncements } from "@/lib/announcements/queries";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getMessages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export default async function AnnouncementsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const me = await requirePage("announcements.read");
  const t = (await getMessages()).announcements;
  const sp = await searchParams;
  const status = announcementStatuses.find((s) => s === sp.status);
  const { items } = await listAnnouncements(me, { status });
  return (
    <div className="max-w-6xl">
      <PageHeader
        title={t.title}
        actions={
          <>
            <Link className={buttonClass("secondary")} href="/followers">
              {t.navFollowers}
            </Link>
            {can(me, "notifications.admin") ? (
              <Link className={buttonClass("secondary")} href="/announcements/settings">
                {t.settings}
              </Link>
            ) : null}
            {can(me, "announcements.write") ? (
              <Link className={buttonClass()} href="/announcements/new">
                {t.compose}
              </Link>
            ) : null}
          </>
        }
      >
        {t.intro}
      </PageHeader>
      <nav className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link href="/announcements" className={!status ? "font-bold underline" : "underline"}>
          {t.all}
        </Link>
        {announcementStatuses.map((s) => (
          <Link
            key={s}
            href={`/announcements?status=${s}`}
            className={status === s ? "font-bold underline" : "underline"}
          >
            {t.statuses[s]}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="text-slate-600">{t.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th className="p-2">{t.colTitle}</th>
                <th className="p-2">{t.colCategory}</th>
                <th className="p-2">{t.colAudience}</th>
                <th className="p-2">{t.colStatus}</th>
                <th className="p-2">{t.colUnit}</th>
                <th className="p-2">{t.colUpdated}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className="border-t border-slate-100" data-testid="announcement-row">
                  <td className="p-2">
                    <Link className="text-brand-700 underline" href={`/announcements/${a.id}`}>
                      {a.title}
                    </Link>
                  </td>
                  <td className="p-2">{t.categories[a.category]}</td>
                  <td className="p-2">{a.audienceKind === "all" ? t.audienceAll : t.audienceSegment}</td>
                  <td className="p-2">{t.statuses[a.status]}</td>
                  <td className="p-2">{a.unitName}</td>
                  <td className="p-2">{formatDateTime(a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
