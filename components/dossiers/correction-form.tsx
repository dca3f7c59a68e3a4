"use client";
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { FormState } from "@/lib/auth/form-action";

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
  /** The procedure's documents, offered as ticks beside those already recorded. */
  procedureComponents: string[];
  setsCount: number;
  notes: string;
}

/** Corrects what was typed at the desk; saving issues a new receipt version. */
export function CorrectionForm({
  initial,
  action,
}: {
  initial: Initial;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const m = useTranslations();
  const t = useTranslations("dossiers.intake");
  const [state, formAction] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const val = (k: Exclude<keyof Initial, "components" | "procedureComponents">) => v[k] ?? String(initial[k] ?? "");
  const offered = [...new Set([...initial.procedureComponents, ...initial.components])];
  const ticked = new Set(state.values ? (v.components ?? "").split("\n") : initial.components);
  const t2 = useTranslations("desk.detail");
  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="grid gap-3 rounded-md border border-slate-200 bg-white p-4 md:grid-cols-2"
      data-testid="correction-form"
    >
      {state.message && !state.ok ? (
        <div className="md:col-span-2">
          <Alert tone="error">{e._form ?? state.message}</Alert>
        </div>
      ) : null}
      <input type="hidden" name="code" value={initial.code} />
      <input type="hidden" name="ownerSameAsSubmitter" value={initial.ownerSameAsSubmitter ? "1" : "0"} />
      <InputField
        id="c-submitterName"
        name="submitterName"
        label={t("name")}
        required
        defaultValue={val("submitterName")}
        error={e.submitterName}
      />
      <InputField
        id="c-submitterIdNumber"
        name="submitterIdNumber"
        label={t("idNumber")}
        required
        defaultValue={val("submitterIdNumber")}
        error={e.submitterIdNumber}
      />
      <InputField
        id="c-submitterPhone"
        name="submitterPhone"
        label={t("phone")}
        type="tel"
        defaultValue={val("submitterPhone")}
        error={e.submitterPhone}
      />
      <InputField
        id="c-submitterEmail"
        name="submitterEmail"
        label={t("email")}
        type="email"
        defaultValue={val("submitterEmail")}
        error={e.submitterEmail}
      />
      <InputField
        id="c-submitterAddress"
        name="submitterAddress"
        label={t("address")}
        defaultValue={val("submitterAddress")}
        error={e.submitterAddress}
      />
      {initial.ownerSameAsSubmitter ? null : (
        <>
          <InputField
            id="c-ownerName"
            name="ownerName"
            label={`${t("owner")}: ${t("name")}`}
            required
            defaultValue={val("ownerName")}
            error={e.ownerName}
          />
          <InputField
            id="c-ownerIdNumber"
            name="ownerIdNumber"
            label={`${t("owner")}: ${t("idNumber")}`}
            required
            defaultValue={val("ownerIdNumber")}
            error={e.ownerIdNumber}
          />
          <InputField
            id="c-ownerPhone"
            name="ownerPhone"
            label={`${t("owner")}: ${t("phone")}`}
            defaultValue={val("ownerPhone")}
            error={e.ownerPhone}
          />
          <InputField
            id="c-ownerEmail"
            name="ownerEmail"
            label={`${t("owner")}: ${t("email")}`}
            defaultValue={val("ownerEmail")}
            error={e.ownerEmail}
          />
          <InputField
            id="c-ownerAddress"
            name="ownerAddress"
            label={`${t("owner")}: ${t("address")}`}
            defaultValue={val("ownerAddress")}
            error={e.ownerAddress}
          />
          <InputField
            id="c-authorizationDocument"
            name="authorizationDocument"
            label={t("authorizationDocument")}
            defaultValue={val("authorizationDocument")}
            error={e.authorizationDocument}
          />
        </>
      )}
      <fieldset className="md:col-span-2" data-testid="correction-components">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t2("correctComponents")}</legend>
        <ul className="flex flex-col gap-2">
          {offered.map((c) => (
            <li key={c}>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="components"
                  value={c}
                  defaultChecked={ticked.has(c)}
                  className="mt-0.5 h-4 w-4 accent-brand-600"
                />
                <span>{c}</span>
              </label>
            </li>
          ))}
        </ul>
        {e.components ? (
          <p role="alert" className="text-sm text-red-700">
            {e.components}
          </p>
        ) : null}
      </fieldset>
      <div className="md:col-span-2">
        <InputField id="c-otherComponent" name="components" label={t2("correctOther")} defaultValue="" />
      </div>
      <InputField
        id="c-setsCount"
        name="setsCount"
        type="number"
        min={1}
        label={t("setsCount")}
        defaultValue={val("setsCount")}
        error={e.setsCount}
      />
      <InputField id="c-notes" name="notes" label={t("notes")} defaultValue={val("notes")} error={e.notes} />
      <InputField
        id="c-reason"
        name="reason"
        label={m("dossiers.detail.correctReason")}
        defaultValue={v.reason ?? ""}
        error={e.reason}
      />
      <div className="md:col-span-2">
        <SubmitButton pendingLabel={m("common.saving")}>{m("dossiers.detail.correctSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
