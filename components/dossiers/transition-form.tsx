"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { InputField, TextareaField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";

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
  const form = useForm(action);
  const { field, errors: e } = form;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
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
  const confirmDialog = danger ? (
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
        <button type="button" className={buttonClass("secondary")} onClick={() => dialogRef.current?.close()} autoFocus>
          {m("common.cancel")}
        </button>
        <button type="submit" className={buttonClass("danger")} onClick={() => (confirmed.current = true)}>
          {m("desk.detail.confirmAction")}
        </button>
      </div>
    </dialog>
  ) : null;
  return (
    <FormShell
      form={form}
      onSubmit={onSubmit}
      noValidate
      focusFirstError
      errorsOnly
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4"
      data-testid={`transition-${to}`}
      variant={danger ? "danger" : "primary"}
      submit={label}
      pending={m("common.saving")}
      after={confirmDialog}
    >
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="to" value={to} />
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      {extras.includes("missing") ? (
        <TextareaField {...field("missing")} id={`${to}-missing`} label={t("missingItems")} required rows={3} />
      ) : null}
      {extras.includes("fee") ? (
        <div className="grid gap-3 md:grid-cols-2">
          <InputField
            {...field("feeAmount")}
            id={`${to}-fee`}
            type="number"
            min={1}
            label={t("feeAmount")}
            required
            error={e.feeAmount ?? e["fee.amount"]}
          />
          <InputField
            {...field("paymentUrl")}
            id={`${to}-url`}
            type="url"
            label={t("paymentLink")}
            error={e["fee.paymentUrl"]}
          />
        </div>
      ) : null}
      {extras.includes("newDueAt") ? (
        <InputField
          {...field("newDueAt")}
          id={`${to}-due`}
          inputMode="numeric"
          placeholder={m("desk.dateTimeHint")}
          hint={m("desk.dateTimeHint")}
          label={t("newDueAtInput")}
          required
        />
      ) : null}
      {extras.includes("reason") ? (
        <InputField {...field("reason")} id={`${to}-reason`} label={t("reason")} required />
      ) : null}
      <InputField {...field("note")} id={`${to}-note`} label={t("note")} />
      {danger ? <p className="text-sm text-red-800">{m(`desk.detail.consequences.${to}`)}</p> : null}
    </FormShell>
  );
}
