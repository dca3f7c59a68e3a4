import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DayForm } from "@/components/calendar/day-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { getCalendarDay } from "@/lib/calendar/admin/days";
import { formatLocalDate } from "@/lib/calendar";
import { NotFoundError } from "@/lib/errors";
import { updateDayAction } from "../actions";

export default async function EditCalendarDayPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePage("calendar.manage");
  const m = await getTranslations();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const day = await getCalendarDay(me, id).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!day) notFound();
  const date = formatLocalDate(day.date);
  return (
    <div className="max-w-4xl">
      <PageHeader title={m("calendar.editTitle", { date })}>
        <Link href={`/admin/calendar?year=${day.date.slice(0, 4)}`} className="text-brand-700 underline">
          {m("calendar.backToYear", { year: day.date.slice(0, 4) })}
        </Link>
      </PageHeader>
      <DayForm
        action={updateDayAction}
        initial={{
          id: day.id,
          date,
          kind: day.kind,
          name: day.name,
          sourceNote: day.sourceNote,
          confirmed: day.confirmed,
        }}
      />
    </div>
  );
}
