"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";
import { KindBadge } from "./kind-badge";
import { Table, THead, Th, Tr, Td } from "@/components/ui/table";

export interface ProposalRow {
  date: string;
  display: string;
  weekday: string;
  kind: "holiday" | "compensatory_day_off";
  kindLabel: string;
  name: string;
  existing: string | null;
}

export function ProposalsForm({ action, year, rows }: { action: FormAction; year: number; rows: ProposalRow[] }) {
  const m = useTranslations();
  const form = useForm(action);
  // Before the first submit every open day is ticked; after a refusal, the days that were.
  const typed = form.state.values;
  const ticked = (name: string, value: string) => !typed || (typed[name] ?? "").split("\n").includes(value);
  const open = rows.filter((r) => !r.existing);
  const table = (
    <Table>
      <THead>
        <Th>{m("calendar.include")}</Th>
        <Th>{m("calendar.date")}</Th>
        <Th>{m("calendar.weekday")}</Th>
        <Th>{m("calendar.kind")}</Th>
        <Th>{m("calendar.name")}</Th>
      </THead>
      <tbody>
        {rows.map((r) => (
          <Tr key={r.date} className={`${r.existing ? "text-slate-500" : ""}`}>
            <Td>
              {r.existing ? null : (
                <input
                  type="checkbox"
                  name="dates"
                  value={r.date}
                  defaultChecked={ticked("dates", r.date)}
                  aria-label={`${m("calendar.include")} ${r.display} – ${r.name}`}
                  className="h-4 w-4 accent-brand-600"
                />
              )}
            </Td>
            <Td className="whitespace-nowrap  font-mono">{r.display}</Td>
            <Td className="whitespace-nowrap">{r.weekday}</Td>
            <Td>
              <KindBadge kind={r.kind} label={r.kindLabel} />
            </Td>
            <Td>
              {r.name}
              {r.existing ? <div className="text-xs">{r.existing}</div> : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
  // Nothing left to send (often because the days were just added): no form, but what was added stays said.
  if (open.length === 0)
    return (
      <div className="flex flex-col gap-4">
        {form.state.ok && form.state.message ? <Alert tone="success">{form.state.message}</Alert> : null}
        {table}
        <Alert tone="info">{m("calendar.nothingToPropose")}</Alert>
      </div>
    );
  return (
    <FormShell
      form={form}
      className="flex flex-col gap-4"
      allErrors
      submit={m("calendar.addSelected")}
      pending={m("common.saving")}
    >
      <input type="hidden" name="year" value={year} />
      {table}
      <CheckboxField name="confirm" label={m("calendar.confirmNow")} defaultChecked={ticked("confirm", "on")} />
    </FormShell>
  );
}
