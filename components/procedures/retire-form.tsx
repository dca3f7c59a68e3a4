"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton, buttonClass } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form";

/** Retiring asks for confirmation first; the reason goes to the audit log. */
export function RetireProcedureForm({ id, action }: { id: number; action: FormAction }) {
  const m = useTranslations();
  const t = useTranslations("procedures");
  const [confirming, setConfirming] = useState(false);
  const [state, formAction] = useActionState(action, {});
  if (!confirming) {
    return (
      <button type="button" className={buttonClass("danger")} onClick={() => setConfirming(true)}>
        {t("retire")}
      </button>
    );
  }
  return (
    <form
      action={formAction}
      className="flex max-w-xl flex-col gap-3 rounded-lg border border-red-300 bg-red-50 p-4"
      role="group"
      aria-labelledby="retire-title"
    >
      <h2 id="retire-title" className="font-semibold text-red-900">
        {t("retireTitle")}
      </h2>
      <p className="text-sm text-red-900">{t("retireConfirm")}</p>
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      <input type="hidden" name="id" value={id} />
      <InputField
        name="reason"
        label={t("retireReason")}
        autoFocus
        defaultValue={state.values?.reason ?? ""}
        error={state.fieldErrors?.reason}
      />
      <div className="flex gap-2">
        <SubmitButton variant="danger" pendingLabel={m("common.saving")}>
          {t("retireSubmit")}
        </SubmitButton>
        <button type="button" className={buttonClass("secondary")} onClick={() => setConfirming(false)}>
          {m("common.cancel")}
        </button>
      </div>
    </form>
  );
}
