import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TagForms } from "@/components/announcements/follower-forms";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { getFollower } from "@/lib/followers/list";
import { formatDateTime } from "@/lib/format";
import { displayVnPhone } from "@/lib/phone";
import { addTagAction, removeTagAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function FollowerPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePage("announcements.read");
  const t = await getTranslations("announcements");
  const d = await getFollower(me, Number((await params).id));
  if (!d) notFound();
  const f = d.follower;
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={f.displayName ?? "—"}>
        {f.following ? t("following") : t("notFollowing")}
        {` · ${f.phone84 ? displayVnPhone(f.phone84) : t("notLinked")} · `}
        {t("colLast")}: {formatDateTime(f.lastInteractionAt)}
      </PageHeader>
      <section>
        <h2 className="mb-2 font-bold">{t("colTags")}</h2>
        {can(me, "announcements.write") ? (
          <TagForms
            followerId={f.id}
            tags={f.tags}
            label={t("addTag")}
            addAction={addTagAction}
            removeAction={removeTagAction}
          />
        ) : (
          <p>{f.tags.join(", ") || t("none")}</p>
        )}
      </section>
      <section>
        <h2 className="mb-2 font-bold">{t("receivedTitle")}</h2>
        {d.received.length + d.dossierMessages.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : null}
        <ul className="space-y-1 text-sm" data-testid="follower-received">
          {d.received.map((r) => (
            <li key={`a-${r.announcementId}`}>
              {formatDateTime(r.sentAt ?? r.updatedAt)} ·{" "}
              <Link className="text-brand-700 underline" href={`/announcements/${r.announcementId}`}>
                {r.title}
              </Link>{" "}
              · {t(`recipientStatuses.${r.status}`) ?? r.status}
              {r.skipReason ? ` (${t(`skipReasons.${r.skipReason}`)})` : r.error ? ` (${r.error})` : ""}
            </li>
          ))}
          {d.dossierMessages.map((n) => (
            <li key={`n-${n.id}`}>
              {formatDateTime(n.at)} · {n.text ?? n.eventType} · {t(`recipientStatuses.${n.status}`) ?? n.status}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2 className="mb-2 font-bold">{t("wroteTitle")}</h2>
        {d.wrote.length === 0 ? <p className="text-sm text-slate-600">{t("none")}</p> : null}
        <ul className="space-y-1 text-sm">
          {d.wrote.map((w) => (
            <li key={w.id}>
              {formatDateTime(w.at)} · {w.text ?? t("attachment")}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
