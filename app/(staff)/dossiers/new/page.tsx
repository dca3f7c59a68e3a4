import { IntakeForm } from "@/components/dossiers/intake-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n";
import { receiveDossierAction } from "../actions";

export default async function NewDossierPage() {
  await requirePage("dossiers.create");
  const m = await getMessages();
  return (
    <div className="max-w-4xl">
      <PageHeader title={m.dossiers.intake.title}>{m.dossiers.intake.subtitle}</PageHeader>
      <IntakeForm m={m} action={receiveDossierAction} />
    </div>
  );
}
