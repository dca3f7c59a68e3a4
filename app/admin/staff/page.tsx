import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { StaffForm } from "@/components/admin/staff-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listStaff } from "@/lib/staff/queries";
import { listUnits } from "@/lib/units/queries";
import { createStaffAction } from "./actions";
import { Table, THead, Th, ThAction, Tr, Td } from "@/components/ui/table";

export default async function StaffPage() {
  const me = await requirePage("staff.manage");
  const m = await getTranslations();
  const [rows, units] = await Promise.all([listStaff(me), listUnits(me)]);
  return (
    <div className="max-w-6xl">
      <PageHeader title={m("staff.title")} />
      <Table className="mb-8">
        <THead>
          <Th>{m("staff.username")}</Th>
          <Th>{m("staff.fullName")}</Th>
          <Th>{m("staff.role")}</Th>
          <Th>{m("staff.unit")}</Th>
          <Th>{m("common.active")}</Th>
          <Th>{m("staff.lastLogin")}</Th>
          <ThAction label={m("common.actions")} />
        </THead>
        <tbody>
          {rows.map((s) => (
            <Tr key={s.id}>
              <Td className="font-mono">{s.username}</Td>
              <Td>{s.fullName}</Td>
              <Td>{m(`roles.${s.role}`)}</Td>
              <Td>{s.unitName}</Td>
              <Td>{s.active ? m("common.yes") : m("common.no")}</Td>
              <Td>{formatDateTime(s.lastLoginAt) || m("common.none")}</Td>
              <Td>
                <Link href={`/admin/staff/${s.id}`} className="text-brand-700 underline">
                  {m("common.edit")}
                  <span className="sr-only"> {s.username}</span>
                </Link>
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <h2 className="mb-3 text-lg font-semibold">{m("staff.newStaff")}</h2>
      <StaffForm action={createStaffAction} units={units.filter((u) => u.active)} />
    </div>
  );
}
