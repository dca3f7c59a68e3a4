import { getTranslations } from "next-intl/server";
import { IntakeForm } from "@/components/dossiers/intake-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { intakePrefill } from "@/lib/home-support/prefill";
import { receiveDossierAction } from "../actions";

export default async function NewDossierPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requirePage("dossiers.create");
  const m = await getTranslations();
  const { hoTroTaiNha } = await searchParams;
  const prefill = typeof hoTroTaiNha === "string" ? await intakePrefill(me, Number(hoTroTaiNha)) : null;
  return (
    <div className="max-w-4xl">
      <PageHeader title={m("dossiers.intake.title")}>{m("dossiers.intake.subtitle")}</PageHeader>
      <IntakeForm action={receiveDossierAction} initial={prefill ?? undefined} />
    </div>
  );
}
