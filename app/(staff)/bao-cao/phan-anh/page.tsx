import { getTranslations } from "next-intl/server";
import { FollowupForm } from "@/components/ratings/followup-form";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { followupAssignees, listFollowups } from "@/lib/ratings/followups";
import { saveFollowup } from "./actions";

export const dynamic = "force-dynamic";

export default async function FollowupsPage() {
  const me = await requirePage("ratings.read");
  const m = await getTranslations();
  const t = await getTranslations("ratings.followups");
  const rows = await listFollowups(me);
  const mayAct = can(me, "ratings.followup");
  const assignees = mayAct ? await followupAssignees(me) : [];
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      {rows.length === 0 ? <p className="text-slate-600">{t("empty")}</p> : null}
      <ul className="flex flex-col gap-3">
        {rows.map((f) => (
          <li key={f.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="followup">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-mono font-semibold">{f.code}</p>
              <p className="text-sm">
                {m(`ratings.followupStatuses.${f.status}`)} · {t("due")}: {formatDate(f.dueAt)}
                {f.overdue ? <strong className="ml-2 text-red-700">{t("overdue")}</strong> : null}
              </p>
            </div>
            <p className="text-sm text-slate-700">
              {f.ownerName} · {m(`ratings.channels.${f.channel}`)} · {formatDateTime(f.createdAt)}
            </p>
            {f.comment ? (
              <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 text-sm italic">{f.comment}</blockquote>
            ) : null}
            {f.answer ? <p className="mt-2 text-sm">↪ {f.answer}</p> : null}
            {mayAct ? (
              <FollowupForm
                followup={{
                  id: f.id,
                  assigneeId: f.assigneeId,
                  actionTaken: f.actionTaken,
                  closed: f.status === "closed",
                }}
                assignees={assignees}
                action={saveFollowup}
              />
            ) : f.actionTaken ? (
              <p className="mt-2 text-sm">{f.actionTaken}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
