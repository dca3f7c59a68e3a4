import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { UnitForm } from "@/components/admin/unit-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { listUnits } from "@/lib/units/queries";
import { createUnitAction } from "./actions";
import { Table, THead, Th, ThAction, Tr, Td } from "@/components/ui/table";

export default async function UnitsPage() {
  const me = await requirePage("units.manage");
  const m = await getTranslations();
  const rows = await listUnits(me);
  const depth = (path: string) => path.split("/").filter(Boolean).length - 1;
  return (
    <div className="max-w-6xl">
      <PageHeader title={m("units.title")} />
      <Table className="mb-8">
        <THead>
          <Th>{m("units.name")}</Th>
          <Th>{m("units.kind")}</Th>
          <Th>{m("units.code")}</Th>
          <Th>{m("common.active")}</Th>
          <ThAction label={m("common.actions")} />
        </THead>
        <tbody>
          {rows.map((u) => (
            <Tr key={u.id}>
              <Td style={{ paddingLeft: `${1 + depth(u.path) * 1.5}rem` }}>{u.name}</Td>
              <Td>{m(`unitKinds.${u.kind}`)}</Td>
              <Td className="font-mono">{u.code ?? m("common.none")}</Td>
              <Td>{u.active ? m("common.yes") : m("common.no")}</Td>
              <Td>
                <Link href={`/admin/units/${u.id}`} className="text-brand-700 underline">
                  {m("common.edit")}
                  <span className="sr-only"> {u.name}</span>
                </Link>
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <h2 className="mb-3 text-lg font-semibold">{m("units.newUnit")}</h2>
      <UnitForm
        action={createUnitAction}
        parents={rows.map((r) => ({ id: r.id, name: r.name, depth: depth(r.path) }))}
      />
    </div>
  );
}
