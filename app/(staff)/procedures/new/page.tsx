import { getTranslations } from "next-intl/server";
import { ProcedureForm } from "@/components/procedures/procedure-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { listProcedureFields } from "@/lib/procedures/queries";
import { listUnits } from "@/lib/units/queries";
import { createProcedureAction } from "../actions";

export default async function NewProcedurePage() {
  const me = await requirePage("procedures.manage");
  const m = await getTranslations();
  const [units, fields] = await Promise.all([listUnits(me), listProcedureFields(me)]);
  return (
    <div className="max-w-5xl">
      <PageHeader title={m("procedures.newTitle")} />
      <ProcedureForm action={createProcedureAction} units={units.filter((u) => u.active)} fields={fields} />
    </div>
  );
}
