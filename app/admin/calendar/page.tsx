import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DayForm } from "@/components/calendar/day-form";
import { InlineAction } from "@/components/ui/inline-action";
import { KindBadge } from "@/components/calendar/kind-badge";
import { primaryLinkClass, secondaryLinkClass } from "@/components/calendar/styles";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { listCalendarDays, listCalendarYears } from "@/lib/calendar/admin/days";
import { formatLocalDate, toLocalDate } from "@/lib/calendar";
import { weekday } from "@/lib/calendar/time";
import { formatDateTime } from "@/lib/format";
import { confirmDayAction, createDayAction, deleteDayAction } from "./actions";
import { Table, THead, Th, ThAction, Tr, Td } from "@/components/ui/table";
import { SelectField } from "@/components/ui/field";

function yearFrom(param: string | string[] | undefined, fallback: number): number {
  const y = Number(Array.isArray(param) ? param[0] : param);
  return Number.isInteger(y) && y >= 2000 && y <= 2200 ? y : fallback;
}

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string | string[] }> }) {
  const me = await requirePage("calendar.manage");
  const m = await getTranslations();
  const thisYear = Number(toLocalDate(new Date()).slice(0, 4));
  const year = yearFrom((await searchParams).year, thisYear);
  const [days, years] = await Promise.all([listCalendarDays(me, year), listCalendarYears(me)]);
  const yearOptions = [...new Set([...years, thisYear - 1, thisYear, thisYear + 1, year])].sort((a, b) => b - a);

  return (
    <div className="max-w-6xl">
      <PageHeader
        title={m("calendar.title")}
        actions={
          <Link href="/admin/calendar/office-hours" className={secondaryLinkClass}>
            {m("calendar.officeHoursLink")}
          </Link>
        }
      >
        {m("calendar.subtitle")}
      </PageHeader>

      <div className="mb-4 flex flex-wrap items-end gap-3">
        <form method="get" className="flex items-end gap-2">
          <SelectField
            name="year"
            label={m("calendar.year")}
            defaultValue={String(year)}
            options={yearOptions.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <button type="submit" className={secondaryLinkClass}>
            {m("calendar.show")}
          </button>
        </form>
        <Link href={`/admin/calendar/propose?year=${year}`} className={primaryLinkClass}>
          {m("calendar.propose", { year })}
        </Link>
      </div>

      <h2 className="mb-3 text-lg font-semibold">{m("calendar.daysOfYear", { year })}</h2>
      {days.length === 0 ? (
        <p className="mb-8 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          {m("calendar.noDays", { year })}
        </p>
      ) : (
        <Table className="mb-8">
          <THead>
            <Th>{m("calendar.date")}</Th>
            <Th>{m("calendar.weekday")}</Th>
            <Th>{m("calendar.kind")}</Th>
            <Th>{m("calendar.name")}</Th>
            <Th>{m("calendar.sourceNote")}</Th>
            <Th>{m("calendar.status")}</Th>
            <ThAction label={m("common.actions")} />
          </THead>
          <tbody>
            {days.map((d) => {
              const date = formatLocalDate(d.date);
              return (
                <Tr key={d.id}>
                  <Td className="whitespace-nowrap  font-mono">{date}</Td>
                  <Td className="whitespace-nowrap">{m(`calendar.weekdays.${weekday(d.date)}`)}</Td>
                  <Td>
                    <KindBadge kind={d.kind} label={m(`calendar.kinds.${d.kind}`)} />
                  </Td>
                  <Td>{d.name}</Td>
                  <Td className="text-slate-600">{d.sourceNote ?? m("common.none")}</Td>
                  <Td>
                    {d.confirmed ? (
                      <span
                        title={
                          d.confirmedAt ? m("calendar.confirmedBy", { at: formatDateTime(d.confirmedAt) }) : undefined
                        }
                      >
                        {m("calendar.confirmed")}
                      </span>
                    ) : (
                      <span className="font-semibold text-amber-800">{m("calendar.pending")}</span>
                    )}
                  </Td>
                  <Td>
                    <div className="flex flex-wrap items-center gap-2">
                      {!d.confirmed ? (
                        <InlineAction
                          action={confirmDayAction}
                          fields={{ id: d.id }}
                          label={m("calendar.confirm")}
                          pendingLabel={m("calendar.confirming")}
                          variant="primary"
                          ariaLabel={`${m("calendar.confirm")} ${date}`}
                        />
                      ) : null}
                      <Link href={`/admin/calendar/${d.id}`} className="text-brand-700 underline">
                        {m("common.edit")}
                        <span className="sr-only"> {date}</span>
                      </Link>
                      <InlineAction
                        action={deleteDayAction}
                        fields={{ id: d.id }}
                        label={m("calendar.remove")}
                        pendingLabel={m("calendar.removing")}
                        variant="danger"
                        confirmText={m("calendar.removeConfirm", { date })}
                        ariaLabel={`${m("calendar.remove")} ${date}`}
                      />
                    </div>
                  </Td>
                </Tr>
              );
            })}
          </tbody>
        </Table>
      )}

      <h2 className="mb-3 text-lg font-semibold">{m("calendar.addTitle")}</h2>
      <DayForm action={createDayAction} />
    </div>
  );
}
