import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ResetPasswordForm, StaffForm } from "@/components/admin/staff-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { getStaffMember } from "@/lib/staff/queries";
import { listUnits } from "@/lib/units/queries";
import { resetStaffPasswordAction, updateStaffAction } from "../actions";

export default async function EditStaffPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePage("staff.manage");
  const m = await getTranslations();
  const id = Number((await params).id);
  if (!Number.isInteger(id)) notFound();
  const [member, units] = await Promise.all([getStaffMember(me, id), listUnits(me)]);
  if (!member) notFound();
  return (
    <div className="max-w-4xl">
      <PageHeader title={`${m("staff.editStaff")}: ${member.username}`} />
      <StaffForm action={updateStaffAction} units={units} initial={member} />
      <h2 className="mb-3 mt-8 text-lg font-semibold">{m("staff.resetPassword")}</h2>
      <ResetPasswordForm id={member.id} action={resetStaffPasswordAction} />
    </div>
  );
}
