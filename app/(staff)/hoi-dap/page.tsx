import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AutoRefresh } from "@/components/conversations/auto-refresh";
import { SlaCell } from "@/components/conversations/sla";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { Table, THead, Td, Th, Tr } from "@/components/ui/table";
import { requirePage } from "@/lib/auth/session";
import {
  conversationCategories,
  conversationStatuses,
  inboxFilterSchema,
  inboxViews,
  listConversations,
} from "@/lib/conversations/queries";
import { formatDateTime } from "@/lib/format";

const control = "rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const me = await requirePage("conversations.read");
  const t = await getTranslations("conversations");
  const sp = await searchParams;
  const filter = inboxFilterSchema.parse(sp);
  const rows = await listConversations(me, filter);
  const now = new Date();
  const viewHref = (view: string) => {
    const p = new URLSearchParams(
      Object.entries(sp).filter((e): e is [string, string] => !!e[1] && e[0] !== "view" && e[0] !== "transferred"),
    );
    p.set("view", view);
    return `/hoi-dap?${p}`;
  };
  return (
    <div className="max-w-7xl">
      <AutoRefresh />
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      {sp.transferred ? <Alert tone="success">Đã chuyển hội thoại sang đơn vị khác.</Alert> : null}
      <nav aria-label={t("title")} className="mb-3 flex flex-wrap gap-2">
        {inboxViews.map((v) => (
          <Link
            key={v}
            href={viewHref(v)}
            aria-current={filter.view === v ? "page" : undefined}
            className={buttonClass(filter.view === v ? "primary" : "secondary")}
          >
            {t(`views.${v}`)}
          </Link>
        ))}
      </nav>
      <form
        method="get"
        role="search"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <input type="hidden" name="view" value={filter.view} />
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-semibold text-slate-700">
          {t("search")}
          <input type="search" name="q" defaultValue={sp.q ?? ""} className={control} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-semibold text-slate-700">
          {t("status")}
          <select name="status" defaultValue={filter.status ?? ""} className={control}>
            <option value="">{t("all")}</option>
            {conversationStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-semibold text-slate-700">
          {t("category")}
          <select name="category" defaultValue={filter.category ?? ""} className={control}>
            <option value="">{t("all")}</option>
            {conversationCategories.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} /> {t("overdue")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="waiting" value="1" defaultChecked={filter.waiting} /> {t("waiting")}
        </label>
        <button type="submit" className={buttonClass()}>
          {t("apply")}
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">{t("empty")}</p>
      ) : (
        <Table>
          <THead>
            {[t("citizen"), t("subject"), t("category"), t("status"), t("assignee"), t("due"), t("lastMessage")].map(
              (h) => (
                <Th key={h}>{h}</Th>
              ),
            )}
          </THead>
          <tbody>
            {rows.map((r) => (
              <Tr
                key={r.id}
                data-testid="conversation-row"
                className={r.unreadCount ? "bg-amber-50 font-semibold" : undefined}
              >
                <Td>
                  <Link href={`/hoi-dap/${r.id}`} className="text-brand-700 underline">
                    {r.citizenName}
                  </Link>
                  {r.unreadCount ? (
                    <span className="ml-2 rounded-full bg-amber-400 px-1.5 text-xs">
                      {r.unreadCount} {t("unread")}
                    </span>
                  ) : null}
                  <span className="block text-xs font-normal text-slate-600">{r.unitName}</span>
                </Td>
                <Td className="max-w-md">
                  <span className="line-clamp-2">{r.subject}</span>
                  {r.referenceNumber ? <span className="block text-xs text-slate-600">{r.referenceNumber}</span> : null}
                </Td>
                <Td>{t(`categories.${r.category}`)}</Td>
                <Td>{t(`statuses.${r.status}`)}</Td>
                <Td>{r.assigneeName ?? "—"}</Td>
                <Td>
                  <SlaCell dueAt={r.dueAt} waitingSince={r.waitingSince} resolved={r.status === "resolved"} now={now} />
                </Td>
                <Td className="whitespace-nowrap font-normal">{formatDateTime(r.lastMessageAt)}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
