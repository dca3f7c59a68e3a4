import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProposalsForm } from "@/components/calendar/proposals-form";
import { primaryLinkClass, secondaryLinkClass } from "@/components/calendar/styles";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { previewProposals } from "@/lib/calendar/admin/days";
import { formatLocalDate, toLocalDate } from "@/lib/calendar";
import { weekday } from "@/lib/calendar/time";
import { addProposalsAction } from "../actions";
import { InputField } from "@/components/ui/field";

export default async function ProposeCalendarPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string | string[] }>;
}) {
  const me = await requirePage("calendar.manage");
  const m = await getTranslations();
  const raw = (await searchParams).year;
  const asked = Number(Array.isArray(raw) ? raw[0] : raw);
  const year =
    Number.isInteger(asked) && asked >= 2000 && asked <= 2200 ? asked : Number(toLocalDate(new Date()).slice(0, 4)) + 1;
  const { proposals } = await previewProposals(me, year);
  const rows = proposals.map((p) => ({
    date: p.date,
    display: formatLocalDate(p.date),
    weekday: m(`calendar.weekdays.${weekday(p.date)}`),
    kind: p.kind,
    kindLabel: m(`calendar.kinds.${p.kind}`),
    name: p.name,
    existing: p.existing ? m("calendar.alreadyIn", { name: p.existing.name }) : null,
  }));
  return (
    <div className="max-w-6xl">
      <PageHeader title={m("calendar.proposeTitle", { year })}>
        <Link href={`/admin/calendar?year=${year}`} className="text-brand-700 underline">
          {m("calendar.backToYear", { year })}
        </Link>
      </PageHeader>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{m("calendar.proposeIntro")}</p>
      <form method="get" className="mb-6 flex items-end gap-2">
        <InputField
          id="f-propose-year"
          name="year"
          label={m("calendar.proposeYearLabel")}
          type="number"
          min={2000}
          max={2200}
          defaultValue={year}
        />
        <button type="submit" className={secondaryLinkClass}>
          {m("calendar.proposeShow")}
        </button>
      </form>
      <ProposalsForm action={addProposalsAction} year={year} rows={rows} />
    </div>
  );
}
