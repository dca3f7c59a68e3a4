import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, THead, Td, Th, Tr } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { announcementStatuses, listAnnouncements } from "@/lib/announcements/queries";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";

export default async function AnnouncementsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const me = await requirePage("announcements.read");
  const t = await getTranslations("announcements");
  const sp = await searchParams;
  const status = announcementStatuses.find((s) => s === sp.status);
  const { items } = await listAnnouncements(me, { status });
  return (
    <div className="max-w-6xl">
      <PageHeader
        title={t("title")}
        actions={
          <>
            <Link className={buttonClass("secondary")} href="/followers">
              {t("navFollowers")}
            </Link>
            {can(me, "notifications.admin") ? (
              <Link className={buttonClass("secondary")} href="/announcements/settings">
                {t("settings")}
              </Link>
            ) : null}
            {can(me, "announcements.write") ? (
              <Link className={buttonClass()} href="/announcements/new">
                {t("compose")}
              </Link>
            ) : null}
          </>
        }
      >
        {t("intro")}
      </PageHeader>
      <nav className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link href="/announcements" className={!status ? "font-bold underline" : "underline"}>
          {t("all")}
        </Link>
        {announcementStatuses.map((s) => (
          <Link
            key={s}
            href={`/announcements?status=${s}`}
            className={status === s ? "font-bold underline" : "underline"}
          >
            {t(`statuses.${s}`)}
          </Link>
        ))}
      </nav>
      <Table empty={items.length === 0 ? t("empty") : null}>
        <THead>
          {[t("colTitle"), t("colCategory"), t("colAudience"), t("colStatus"), t("colUnit"), t("colUpdated")].map(
            (h) => (
              <Th key={h}>{h}</Th>
            ),
          )}
        </THead>
        <tbody>
          {items.map((a) => (
            <Tr key={a.id} data-testid="announcement-row">
              <Td>
                <Link className="text-brand-700 underline" href={`/announcements/${a.id}`}>
                  {a.title}
                </Link>
              </Td>
              <Td>{t(`categories.${a.category}`)}</Td>
              <Td>{a.audienceKind === "all" ? t("audienceAll") : t("audienceSegment")}</Td>
              <Td>{t(`statuses.${a.status}`)}</Td>
              <Td>{a.unitName}</Td>
              <Td>{formatDateTime(a.updatedAt)}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
