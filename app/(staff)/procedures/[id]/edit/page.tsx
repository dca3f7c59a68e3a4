import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ProcedureForm } from "@/components/procedures/procedure-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { getProcedure, listProcedureFields } from "@/lib/procedures/queries";
import { listUnits } from "@/lib/units/queries";
import { updateProcedureAction } from "../../actions";

export default async function EditProcedurePage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePage("procedures.manage");
  const m = await getTranslations();
  const procedure = await getProcedure(me, Number((await params).id));
  if (!procedure) notFound();
  const [units, fields] = await Promise.all([listUnits(me), listProcedureFields(me)]);
  return (
    <div className="max-w-5xl">
      <PageHeader title={`${m("procedures.editTitle")}: ${procedure.name}`} />
      <ProcedureForm
        action={updateProcedureAction}
        units={units.filter((u) => u.active || u.id === procedure.unitId)}
        fields={fields}
        initial={procedure}
      />
    </div>
  );
}
