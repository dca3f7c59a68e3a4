import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { formatLocalDate } from "@/lib/calendar";
import { homeSupportStatuses, listRegistrations } from "@/lib/home-support/queries";
import { displayVnPhone } from "@/lib/phone";
import { dayFromInput } from "@/lib/day-input";
import { DayInput } from "@/components/ui/day-input";
import { Table, THead, Th, Tr, Td } from "@/components/ui/table";

const control = "rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

export default async function HomeSupportQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requirePage("homesupport.read");
  const m = await getTranslations();
  const t = await getTranslations("homeSupport.ui");
  const sp = await searchParams;
  const data = await listRegistrations(me, {
    ...sp,
    date: typeof sp.date === "string" ? String(dayFromInput(sp.date)) : sp.date,
  });
  const q = data.query;
  return (
    <div className="max-w-7xl">
      <PageHeader
        title={t("title")}
        actions={
          can(me, "homesupport.manage") ? (
            <Link className={buttonClass("secondary")} href="/ho-tro-tai-nha/cong-suat">
              {t("capacityLink")}
            </Link>
          ) : null
        }
      >
        {t("intro")}
      </PageHeader>
      <form
        method="get"
        role="search"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4"
      >
        <label className="flex flex-col gap-1 text-xs font-semibold text-slate-700 sm:col-span-2">
          {m("common.search")}
          <input type="search" name="q" defaultValue={q.q ?? ""} placeholder={t("search")} className={control} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-semibold text-slate-700">
          {t("status")}
          <select name="status" defaultValue={q.status ?? ""} className={control}>
            <option value="">{t("allStatuses")}</option>
            {homeSupportStatuses.map((s) => (
              <option key={s} value={s}>
                {m(`homeSupport.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-semibold text-slate-700">
          {t("date")}
          <DayInput name="date" defaultValue={q.date ?? ""} hint={m("desk.dateHint")} className={control} />
        </label>
        <div>
          <button type="submit" className={buttonClass()}>
            {t("filter")}
          </button>
        </div>
      </form>
      {data.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("empty")}</p>
      ) : (
        <Table data-testid="home-support-table">
          <THead>
            {[t("code"), t("citizen"), t("phone"), t("procedure"), t("slot"), t("status"), t("assignee")].map((h) => (
              <Th key={h}>{h}</Th>
            ))}
          </THead>
          <tbody>
            {data.rows.map((r) => (
              <Tr key={r.id}>
                <Td className="font-mono">
                  <Link className="text-brand-700 underline" href={`/ho-tro-tai-nha/${r.id}`}>
                    {r.code}
                  </Link>
                </Td>
                <Td>{r.citizenName}</Td>
                <Td className="font-mono">{r.phone84 ? displayVnPhone(r.phone84) : "—"}</Td>
                <Td className="max-w-xs">{r.procedureText}</Td>
                <Td className="whitespace-nowrap">
                  {m(`homeSupport.slotNames.${r.slot}`)} {formatLocalDate(r.slotDate)}
                </Td>
                <Td data-testid="status">{m(`homeSupport.statuses.${r.status}`)}</Td>
                <Td>{r.assigneeName ?? t("unassigned")}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
