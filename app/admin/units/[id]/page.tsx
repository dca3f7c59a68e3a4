import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { UnitForm } from "@/components/admin/unit-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { getUnit, listUnits } from "@/lib/units/queries";
import { updateUnitAction } from "../actions";

export default async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePage("units.manage");
  const m = await getTranslations();
  const id = Number((await params).id);
  if (!Number.isInteger(id)) notFound();
  const unit = await getUnit(me, id).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!unit) notFound();
  const all = await listUnits(me);
  const current = unit.codes.find((c) => c.validTo == null);
  const parents = all
    .filter((u) => !u.path.startsWith(unit.path))
    .map((u) => ({ id: u.id, name: u.name, depth: u.path.split("/").filter(Boolean).length - 1 }));
  return (
    <div className="max-w-4xl">
      <PageHeader title={`${m("units.editUnit")}: ${unit.name}`} />
      <UnitForm action={updateUnitAction} parents={parents} initial={{ ...unit, code: current?.code ?? null }} />
      <h2 className="mb-2 mt-8 text-lg font-semibold">{m("units.codeHistory")}</h2>
      <ul className="list-inside list-disc text-sm">
        {unit.codes.map((c) => (
          <li key={c.id}>
            <span className="font-mono">{c.code}</span>: {formatDate(c.validFrom)} {m("units.validTo")}{" "}
            {c.validTo ? formatDate(c.validTo) : m("units.current")}
          </li>
        ))}
      </ul>
    </div>
  );
}
