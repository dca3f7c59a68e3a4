"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";

/** Retiring asks for confirmation first; the reason goes to the audit log. */
export function RetireProcedureForm({ id, action }: { id: number; action: FormAction }) {
  const m = useTranslations();
  const t = useTranslations("procedures");
  const [confirming, setConfirming] = useState(false);
  const form = useForm(action);
  if (!confirming) {
    return (
      <button type="button" className={buttonClass("danger")} onClick={() => setConfirming(true)}>
        {t("retire")}
      </button>
    );
  }
  return (
    <div
      className="flex max-w-xl flex-col gap-3 rounded-lg border border-red-300 bg-red-50 p-4"
      role="group"
      aria-labelledby="retire-title"
    >
      <h2 id="retire-title" className="font-semibold text-red-900">
        {t("retireTitle")}
      </h2>
      <p className="text-sm text-red-900">{t("retireConfirm")}</p>
      {/* A wrapping row: the message and the reason take whole lines, cancel sits beside the submit button. */}
      <FormShell
        form={form}
        className="flex flex-wrap gap-x-2 gap-y-3"
        submit={t("retireSubmit")}
        pending={m("common.saving")}
        variant="danger"
        after={
          <button type="button" className={buttonClass("secondary")} onClick={() => setConfirming(false)}>
            {m("common.cancel")}
          </button>
        }
      >
        <input type="hidden" name="id" value={id} />
        <div className="basis-full">
          <InputField {...form.field("reason")} label={t("retireReason")} autoFocus />
        </div>
      </FormShell>
    </div>
  );
}
