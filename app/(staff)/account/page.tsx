import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n";
import { ChangePasswordForm } from "./change-password-form";

export default async function AccountPage() {
  await requirePage("account.self");
  const m = await getMessages();
  return (
    <div className="max-w-md">
      <PageHeader title={m.account.title} />
      <ChangePasswordForm m={m} />
    </div>
  );
}
