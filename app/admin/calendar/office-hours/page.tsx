import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { InlineAction } from "@/components/ui/inline-action";
import { OfficeHoursForm } from "@/components/calendar/office-hours-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { listOfficeHours } from "@/lib/calendar/admin/office-hours";
import { listUnits } from "@/lib/units/queries";
import { deleteOfficeHoursAction, saveOfficeHoursAction } from "../actions";

export default async function OfficeHoursPage() {
  const me = await requirePage("calendar.manage");
  const m = await getTranslations();
  const [{ fallback, units: own }, units] = await Promise.all([listOfficeHours(me), listUnits(me)]);
  const withOwn = new Set(own.map((o) => o.unitId));
  const choices = units.filter((u) => u.active && !withOwn.has(u.id)).map((u) => ({ id: u.id, name: u.name }));
  return (
    <div className="max-w-4xl">
      <PageHeader title={m("calendar.officeHoursTitle")}>
        <Link href="/admin/calendar" className="text-brand-700 underline">
          {m("calendar.title")}
        </Link>
      </PageHeader>
      <p className="mb-6 max-w-3xl text-sm text-slate-700">{m("calendar.officeHoursIntro")}</p>

      <h2 className="mb-3 text-lg font-semibold">{m("calendar.defaultHours")}</h2>
      <div className="mb-8">
        <OfficeHoursForm action={saveOfficeHoursAction} idPrefix="default" unit={{ fixed: null }} initial={fallback} />
      </div>

      <h2 className="mb-3 text-lg font-semibold">{m("calendar.unitHours")}</h2>
      {own.length === 0 ? <p className="mb-6 text-sm text-slate-700">{m("calendar.noUnitHours")}</p> : null}
      <div className="mb-8 flex flex-col gap-6">
        {own.map((o) => (
          <div key={o.unitId} className="flex flex-col gap-2">
            <OfficeHoursForm
              action={saveOfficeHoursAction}
              idPrefix={`unit-${o.unitId}`}
              unit={{ fixed: o.unitId }}
              initial={o}
              title={o.unitName ?? ""}
            />
            <div>
              <InlineAction
                action={deleteOfficeHoursAction}
                fields={{ unitId: o.unitId ?? "" }}
                label={m("calendar.useDefault")}
                pendingLabel={m("common.saving")}
                confirmText={m("calendar.useDefaultConfirm", { unit: o.unitName ?? "" })}
                ariaLabel={`${m("calendar.useDefault")}: ${o.unitName ?? ""}`}
              />
            </div>
          </div>
        ))}
      </div>

      {choices.length ? (
        <>
          <h2 className="mb-3 text-lg font-semibold">{m("calendar.addUnitHours")}</h2>
          <OfficeHoursForm action={saveOfficeHoursAction} idPrefix="new" unit={{ choices }} initial={fallback} />
        </>
      ) : null}
    </div>
  );
}
