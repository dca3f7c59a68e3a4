"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import type { FormState } from "@/lib/http/form-action";
import type { Messages } from "@/lib/i18n";

interface Initial {
  code: string;
  submitterName: string;
  submitterIdNumber: string;
  submitterPhone: string;
  submitterEmail: string;
  submitterAddress: string;
  ownerSameAsSubmitter: boolean;
  ownerName: string;
  ownerIdNumber: string;
  ownerPhone: string;
  ownerEmail: string;
  ownerAddress: string;
  authorizationDocument: string;
  components: string[];
  setsCount: number;
  notes: string;
}

/** Corrects what was typed at the desk; saving issues a new receipt version. */
export function CorrectionForm({ m, initial, action }: { m: Messages; initial: Initial; action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = m.dossiers.intake;
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const val = (k: keyof Initial) => v[k] ?? String(initial[k] ?? "");
  return (
    <form action={formAction} className="grid gap-3 rounded-md border border-slate-200 bg-white p-4 md:grid-cols-2" data-testid="correction-form">
      {state.message && !state.ok ? (
        <div className="md:col-span-2">
          <Alert tone="error">{e._form ?? state.message}</Alert>
        </div>
      ) : null}
      <input type="hidden" name="code" value={initial.code} />
      <input type="hidden" name="ownerSameAsSubmitter" value={initial.ownerSameAsSubmitter ? "1" : "0"} />
      {initial.components.map((c) => (
        <input key={c} type="hidden" name="components" value={c} />
      ))}
      <InputField id="c-submitterName" name="submitterName" label={t.name} required defaultValue={val("submitterName")} error={e.submitterName} />
      <InputField id="c-submitterIdNumber" name="submitterIdNumber" label={t.idNumber} required defaultValue={val("submitterIdNumber")} error={e.submitterIdNumber} />
      <InputField id="c-submitterPhone" name="submitterPhone" label={t.phone} type="tel" defaultValue={val("submitterPhone")} error={e.submitterPhone} />
      <InputField id="c-submitterEmail" name="submitterEmail" label={t.email} type="email" defaultValue={val("submitterEmail")} error={e.submitterEmail} />
      <InputField id="c-submitterAddress" name="submitterAddress" label={t.address} defaultValue={val("submitterAddress")} error={e.submitterAddress} />
      {initial.ownerSameAsSubmitter ? null : (
        <>
          <InputField id="c-ownerName" name="ownerName" label={`${t.owner}: ${t.name}`} required defaultValue={val("ownerName")} error={e.ownerName} />
          <InputField id="c-ownerIdNumber" name="ownerIdNumber" label={`${t.owner}: ${t.idNumber}`} required defaultValue={val("ownerIdNumber")} error={e.ownerIdNumber} />
          <InputField id="c-ownerPhone" name="ownerPhone" label={`${t.owner}: ${t.phone}`} defaultValue={val("ownerPhone")} error={e.ownerPhone} />
          <InputField id="c-ownerEmail" name="ownerEmail" label={`${t.owner}: ${t.email}`} defaultValue={val("ownerEmail")} error={e.ownerEmail} />
          <InputField id="c-ownerAddress" name="ownerAddress" label={`${t.owner}: ${t.address}`} defaultValue={val("ownerAddress")} error={e.ownerAddress} />
          <InputField id="c-authorizationDocument" name="authorizationDocument" label={t.authorizationDocument} defaultValue={val("authorizationDocument")} error={e.authorizationDocument} />
        </>
      )}
      <InputField id="c-setsCount" name="setsCount" type="number" min={1} label={t.setsCount} defaultValue={val("setsCount")} error={e.setsCount} />
      <InputField id="c-notes" name="notes" label={t.notes} defaultValue={val("notes")} error={e.notes} />
      <InputField id="c-reason" name="reason" label={m.dossiers.detail.correctReason} defaultValue={v.reason ?? ""} error={e.reason} />
      <div className="md:col-span-2">
        <SubmitButton pendingLabel={m.common.saving}>{m.dossiers.detail.correctSubmit}</SubmitButton>
      </div>
    </form>
  );
}
