"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form";
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
  const [state, formAction] = useActionState(action, {});
  const open = rows.filter((r) => !r.existing);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      {state.fieldErrors?.dates ? <Alert tone="error">{state.fieldErrors.dates}</Alert> : null}
      <input type="hidden" name="year" value={year} />
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
                    defaultChecked
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
      {open.length === 0 ? (
        <Alert tone="info">{m("calendar.nothingToPropose")}</Alert>
      ) : (
        <>
          <CheckboxField name="confirm" label={m("calendar.confirmNow")} defaultChecked />
          <div>
            <SubmitButton pendingLabel={m("common.saving")}>{m("calendar.addSelected")}</SubmitButton>
          </div>
        </>
      )}
    </form>
  );
}
