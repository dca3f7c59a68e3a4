import Link from "next/link";
import { UnitForm } from "@/components/admin/unit-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n";
import { listUnits } from "@/lib/units/queries";
import { createUnitAction } from "./actions";

export default async function UnitsPage() {
  const me = await requirePage("units.manage");
  const m = await getMessages();
  const rows = await listUnits(me);
  const depth = (path: string) => path.split("/").filter(Boolean).length - 1;
  return (
    <div className="max-w-6xl">
      <PageHeader title={m.units.title} />
      <div className="mb-8 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-4 py-2">{m.units.name}</th>
              <th scope="col" className="px-4 py-2">{m.units.kind}</th>
              <th scope="col" className="px-4 py-2">{m.units.code}</th>
              <th scope="col" className="px-4 py-2">{m.common.active}</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">{m.common.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} className="border-t border-slate-100">
                <td className="px-4 py-2" style={{ paddingLeft: `${1 + depth(u.path) * 1.5}rem` }}>{u.name}</td>
                <td className="px-4 py-2">{m.unitKinds[u.kind]}</td>
                <td className="px-4 py-2 font-mono">{u.code ?? m.common.none}</td>
                <td className="px-4 py-2">{u.active ? m.common.yes : m.common.no}</td>
                <td className="px-4 py-2">
                  <Link href={`/admin/units/${u.id}`} className="text-brand-700 underline">{m.common.edit}<span className="sr-only"> {u.name}</span></Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mb-3 text-lg font-semibold">{m.units.newUnit}</h2>
      <UnitForm m={m} action={createUnitAction} parents={rows.map((r) => ({ id: r.id, name: r.name, depth: depth(r.path) }))} />
    </div>
  );
}
