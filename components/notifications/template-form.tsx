"use client";
import { useMessages, useTranslations } from "next-intl";
import { CheckboxField, InputField, optionsOf, SelectField, TextareaField } from "@/components/ui/field";
import { type FormAction, FormShell, formCard, useForm } from "@/components/ui/form";

export interface TemplateFormInitial {
  eventType: string;
  label: string;
  enabled: boolean;
  channels: string;
  zbsTemplateId: string;
  zbsParams: string;
  csText: string;
}

export function TemplateForm({ action, initial }: { action: FormAction; initial: TemplateFormInitial }) {
  const m = useTranslations();
  const form = useForm(action);
  const { field, values: v } = form;
  const t = useTranslations("notifications.templates");
  const orders = optionsOf(useMessages().notifications.templates.channelOrders);
  return (
    <FormShell form={form} className={`grid gap-4 ${formCard}`} submit={t("save")} pending={m("common.saving")}>
      <input type="hidden" name="eventType" value={initial.eventType} />
      <InputField {...field("label", initial.label)} label={t("label")} required />
      <CheckboxField
        name="enabled"
        label={t("enabled")}
        defaultChecked={form.state.values ? v.enabled === "on" : initial.enabled}
        error={form.errors.enabled}
      />
      <SelectField {...field("channels", initial.channels)} label={t("channels")} options={orders} />
      <InputField {...field("zbsTemplateId", initial.zbsTemplateId)} label={t("zbsTemplateId")} />
      <TextareaField
        {...field("zbsParams", initial.zbsParams)}
        label={t("zbsParams")}
        hint={t("zbsParamsHint")}
        rows={6}
        code
      />
      <TextareaField {...field("csText", initial.csText)} label={t("csText")} hint={t("csTextHint")} rows={4} code />
    </FormShell>
  );
}
