"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { FieldShell, InputField } from "@/components/ui/field";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { FormAction } from "@/components/ui/form";

type Extra = "fee" | "reason" | "missing" | "newDueAt";

interface Props {
  code: string;
  to: string;
  label: string;
  extras: Extra[];
  hint?: string;
  action: FormAction;
}

/** Moves that end the dossier for good: they ask first, spelling out what happens. */
const irreversible = ["rejected", "withdrawn", "stopped"] as const;
type Irreversible = (typeof irreversible)[number];
const isIrreversible = (to: string): to is Irreversible => (irreversible as readonly string[]).includes(to);

/**
 * One move of the lifecycle with the fields it needs; a refusal (409) or bad field shows here and keeps what was typed.
 */
export function TransitionForm({ code, to, label, extras, hint, action }: Props) {
  const m = useTranslations();
  const t = useTranslations("dossiers.detail");
  const [state, formAction] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  useFocusFirstError(formRef, state);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const danger = isIrreversible(to);
  // Any way of submitting (button, Enter in a field) goes through the confirmation first.
  const onSubmit = (ev: FormEvent<HTMLFormElement>) => {
    if (!danger) return;
    if (confirmed.current) {
      confirmed.current = false;
      dialogRef.current?.close();
      return;
    }
    ev.preventDefault();
    dialogRef.current?.showModal();
  };
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4"
      data-testid={`transition-${to}`}
    >
      {state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="to" value={to} />
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {extras.includes("missing") ? (
        <FieldShell id={`${to}-missing`} label={t("missingItems")} error={e.missing} required>
          <textarea
            id={`${to}-missing`}
            name="missing"
            rows={3}
            defaultValue={v.missing ?? ""}
            className="rounded-md border border-slate-400 px-3 py-2"
            aria-invalid={e.missing ? true : undefined}
          />
        </FieldShell>
      ) : null}
      {extras.includes("fee") ? (
        <div className="grid gap-3 md:grid-cols-2">
          <InputField
            id={`${to}-fee`}
            name="feeAmount"
            type="number"
            min={1}
            label={t("feeAmount")}
            required
            defaultValue={v.feeAmount ?? ""}
            error={e.feeAmount ?? e["fee.amount"]}
          />
          <InputField
            id={`${to}-url`}
            name="paymentUrl"
            type="url"
            label={t("paymentLink")}
            defaultValue={v.paymentUrl ?? ""}
            error={e["fee.paymentUrl"]}
          />
        </div>
      ) : null}
      {extras.includes("newDueAt") ? (
        <InputField
          id={`${to}-due`}
          name="newDueAt"
          inputMode="numeric"
          placeholder={m("desk.dateTimeHint")}
          hint={m("desk.dateTimeHint")}
          label={t("newDueAtInput")}
          required
          defaultValue={v.newDueAt ?? ""}
          error={e.newDueAt}
        />
      ) : null}
      {extras.includes("reason") ? (
        <InputField
          id={`${to}-reason`}
          name="reason"
          label={t("reason")}
          required
          defaultValue={v.reason ?? ""}
          error={e.reason}
        />
      ) : null}
      <InputField id={`${to}-note`} name="note" label={t("note")} defaultValue={v.note ?? ""} error={e.note} />
      {danger ? <p className="text-sm text-red-800">{m(`desk.detail.consequences.${to}`)}</p> : null}
      <div>
        <SubmitButton variant={danger ? "danger" : "primary"} pendingLabel={m("common.saving")}>
          {label}
        </SubmitButton>
      </div>
      {danger ? (
        <dialog
          ref={dialogRef}
          aria-labelledby={`${to}-confirm-h`}
          className="m-auto max-w-md rounded-lg border border-slate-300 p-5 shadow-xl backdrop:bg-slate-900/50"
          data-testid={`confirm-${to}`}
        >
          <h3 id={`${to}-confirm-h`} className="text-lg font-semibold">
            {m("desk.detail.confirmTitle")}
          </h3>
          <p className="mt-2 font-semibold">{label}</p>
          <p className="mt-2 text-sm text-slate-800">{m(`desk.detail.consequences.${to}`)}</p>
          <div className="mt-4 flex flex-wrap justify-end gap-3">
            <button
              type="button"
              className={buttonClass("secondary")}
              onClick={() => dialogRef.current?.close()}
              autoFocus
            >
              {m("common.cancel")}
            </button>
            <button type="submit" className={buttonClass("danger")} onClick={() => (confirmed.current = true)}>
              {m("desk.detail.confirmAction")}
            </button>
          </div>
        </dialog>
      ) : null}
    </form>
  );
}
