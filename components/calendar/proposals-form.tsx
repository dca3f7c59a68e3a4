"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/field";
import type { FormState } from "@/lib/http/form-action";
import type { Messages } from "@/lib/i18n";
import { KindBadge } from "./kind-badge";

export interface ProposalRow {
  date: string;
  display: string;
  weekday: string;
  kind: "holiday" | "compensatory_day_off";
  kindLabel: string;
  name: string;
  existing: string | null;
}

export function ProposalsForm({ m, action, year, rows }: { m: Messages; action: (prev: FormState, fd: FormData) => Promise<FormState>; year: number; rows: ProposalRow[] }) {
  const [state, formAction] = useActionState(action, {});
  const open = rows.filter((r) => !r.existing);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      {state.fieldErrors?.dates ? <Alert tone="error">{state.fieldErrors.dates}</Alert> : null}
      <input type="hidden" name="year" value={year} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-4 py-2">{m.calendar.include}</th>
              <th scope="col" className="px-4 py-2">{m.calendar.date}</th>
              <th scope="col" className="px-4 py-2">{m.calendar.weekday}</th>
              <th scope="col" className="px-4 py-2">{m.calendar.kind}</th>
              <th scope="col" className="px-4 py-2">{m.calendar.name}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date} className={`border-t border-slate-100 ${r.existing ? "text-slate-500" : ""}`}>
                <td className="px-4 py-2">
                  {r.existing ? null : (
                    <input
                      type="checkbox"
                      name="dates"
                      value={r.date}
                      defaultChecked
                      aria-label={`${m.calendar.include} ${r.display} – ${r.name}`}
                      className="h-4 w-4 accent-brand-600"
                    />
                  )}
                </td>
                <td className="whitespace-nowrap px-4 py-2 font-mono">{r.display}</td>
                <td className="whitespace-nowrap px-4 py-2">{r.weekday}</td>
                <td className="px-4 py-2"><KindBadge kind={r.kind} label={r.kindLabel} /></td>
                <td className="px-4 py-2">
                  {r.name}
                  {r.existing ? <div className="text-xs">{r.existing}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open.length === 0 ? (
        <Alert tone="info">{m.calendar.nothingToPropose}</Alert>
      ) : (
        <>
          <CheckboxField name="confirm" label={m.calendar.confirmNow} defaultChecked />
          <div>
            <SubmitButton pendingLabel={m.common.saving}>{m.calendar.addSelected}</SubmitButton>
          </div>
        </>
      )}
    </form>
  );
}
