"use client";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { type FormAction, useForm } from "@/components/ui/form";

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
  const { state, formAction, field } = useForm(action);
  const number = (k: "monthlyCap" | "dailyCap" | "quietStartHour" | "quietEndHour") => ({
    ...field(k, initial[k]),
    type: "number",
    label: t(k),
  });
  return (
    <form action={formAction} className="grid max-w-xl gap-4">
      <InputField {...number("monthlyCap")} />
      <InputField {...number("dailyCap")} />
      <InputField {...number("quietStartHour")} hint={t("quietHint")} />
      <InputField {...number("quietEndHour")} />
      <SelectField
        {...field("beyondWindow", initial.beyondWindow)}
        label={t("beyondWindow")}
        options={[
          { value: "skip", label: t("beyondSkip") },
          { value: "zbs", label: t("beyondZbs") },
        ]}
      />
      <InputField {...field("zbsTemplateId", initial.zbsTemplateId)} label={t("zbsTemplateId")} />
      <SubmitButton>{save}</SubmitButton>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-green-800" : "text-red-700"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
