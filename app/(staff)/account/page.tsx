import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export default async function AccountPage() {
  await requirePage("account.self");
  const m = await getTranslations();
  return (
    <div className="max-w-md">
      <PageHeader title={m("account.title")} />
      <ChangePasswordForm />
    </div>
  );
}
