"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { FieldShell, InputField } from "@/components/ui/field";
import type { FormState } from "@/lib/http/form-action";
import type { Messages } from "@/lib/i18n";

type Extra = "fee" | "reason" | "missing" | "newDueAt";

interface Props {
  m: Messages;
  code: string;
  to: string;
  label: string;
  extras: Extra[];
  hint?: string;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}

/** One move of the lifecycle with the fields it needs; a refusal (409) or bad field shows here and keeps what was typed. */
export function TransitionForm({ m, code, to, label, extras, hint, action }: Props) {
  const t = m.dossiers.detail;
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const danger = to === "rejected" || to === "withdrawn" || to === "stopped";
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4" data-testid={`transition-${to}`}>
      {state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="to" value={to} />
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {extras.includes("missing") ? (
        <FieldShell id={`${to}-missing`} label={t.missingItems} error={e.missing} required>
          <textarea id={`${to}-missing`} name="missing" rows={3} defaultValue={v.missing ?? ""} className="rounded-md border border-slate-400 px-3 py-2" aria-invalid={e.missing ? true : undefined} />
        </FieldShell>
      ) : null}
      {extras.includes("fee") ? (
        <div className="grid gap-3 md:grid-cols-2">
          <InputField id={`${to}-fee`} name="feeAmount" type="number" min={1} label={t.feeAmount} required defaultValue={v.feeAmount ?? ""} error={e.feeAmount ?? e["fee.amount"]} />
          <InputField id={`${to}-url`} name="paymentUrl" type="url" label={t.paymentLink} defaultValue={v.paymentUrl ?? ""} error={e["fee.paymentUrl"]} />
        </div>
      ) : null}
      {extras.includes("newDueAt") ? (
        <InputField id={`${to}-due`} name="newDueAt" type="datetime-local" label={t.newDueAtInput} required defaultValue={v.newDueAt ?? ""} error={e.newDueAt} />
      ) : null}
      {extras.includes("reason") ? <InputField id={`${to}-reason`} name="reason" label={t.reason} required defaultValue={v.reason ?? ""} error={e.reason} /> : null}
      <InputField id={`${to}-note`} name="note" label={t.note} defaultValue={v.note ?? ""} error={e.note} />
      <div>
        <SubmitButton variant={danger ? "danger" : "primary"} pendingLabel={m.common.saving}>
          {label}
        </SubmitButton>
      </div>
    </form>
  );
}
