import Link from "next/link";
import { StaffForm } from "@/components/admin/staff-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getMessages } from "@/lib/i18n";
import { listStaff } from "@/lib/staff/queries";
import { listUnits } from "@/lib/units/queries";
import { createStaffAction } from "./actions";

export default async function StaffPage() {
  const me = await requirePage("staff.manage");
  const m = await getMessages();
  const [rows, units] = await Promise.all([listStaff(me), listUnits(me)]);
  return (
    <div className="max-w-6xl">
      <PageHeader title={m.staff.title} />
      <div className="mb-8 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-4 py-2">{m.staff.username}</th>
              <th scope="col" className="px-4 py-2">{m.staff.fullName}</th>
              <th scope="col" className="px-4 py-2">{m.staff.role}</th>
              <th scope="col" className="px-4 py-2">{m.staff.unit}</th>
              <th scope="col" className="px-4 py-2">{m.common.active}</th>
              <th scope="col" className="px-4 py-2">{m.staff.lastLogin}</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">{m.common.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} className="border-t border-slate-100">
                <td className="px-4 py-2 font-mono">{s.username}</td>
                <td className="px-4 py-2">{s.fullName}</td>
                <td className="px-4 py-2">{m.roles[s.role]}</td>
                <td className="px-4 py-2">{s.unitName}</td>
                <td className="px-4 py-2">{s.active ? m.common.yes : m.common.no}</td>
                <td className="px-4 py-2">{formatDateTime(s.lastLoginAt) || m.common.none}</td>
                <td className="px-4 py-2">
                  <Link href={`/admin/staff/${s.id}`} className="text-brand-700 underline">{m.common.edit}<span className="sr-only"> {s.username}</span></Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mb-3 text-lg font-semibold">{m.staff.newStaff}</h2>
      <StaffForm m={m} action={createStaffAction} units={units.filter((u) => u.active)} />
    </div>
  );
}
