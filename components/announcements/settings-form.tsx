"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form";
import type { FormState } from "@/lib/http/form-action";

export interface SettingsValues {
  monthlyCap: number;
  dailyCap: number;
  quietStartHour: number;
  quietEndHour: number;
  beyondWindow: string;
  zbsTemplateId: string | null;
}

export function AnnouncementSettingsForm({
  initial,
  save,
  action,
}: {
  initial: SettingsValues;
  save: string;
  action: FormAction;
}) {
  const t = useTranslations("announcements.settingsPage");
  const [state, run] = useActionState(action, {});
  const v = (k: keyof SettingsValues) => state.values?.[k] ?? String(initial[k] ?? "");
  const e = state.fieldErrors ?? {};
  return (
    <form action={run} className="grid max-w-xl gap-4">
      <InputField
        name="monthlyCap"
        type="number"
        label={t("monthlyCap")}
        defaultValue={v("monthlyCap")}
        error={e.monthlyCap}
      />
      <InputField name="dailyCap" type="number" label={t("dailyCap")} defaultValue={v("dailyCap")} error={e.dailyCap} />
      <InputField
        name="quietStartHour"
        type="number"
        label={t("quietStartHour")}
        defaultValue={v("quietStartHour")}
        error={e.quietStartHour}
        hint={t("quietHint")}
      />
      <InputField
        name="quietEndHour"
        type="number"
        label={t("quietEndHour")}
        defaultValue={v("quietEndHour")}
        error={e.quietEndHour}
      />
      <SelectField
        name="beyondWindow"
        label={t("beyondWindow")}
        defaultValue={v("beyondWindow")}
        error={e.beyondWindow}
        options={[
          { value: "skip", label: t("beyondSkip") },
          { value: "zbs", label: t("beyondZbs") },
        ]}
      />
      <InputField
        name="zbsTemplateId"
        label={t("zbsTemplateId")}
        defaultValue={v("zbsTemplateId")}
        error={e.zbsTemplateId}
      />
      <SubmitButton>{save}</SubmitButton>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-green-800" : "text-red-700"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
