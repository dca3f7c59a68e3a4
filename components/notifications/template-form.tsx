"use client";
import { useMessages, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxField, FieldShell, InputField, SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";

export interface TemplateFormInitial {
  eventType: string;
  label: string;
  enabled: boolean;
  channels: string;
  zbsTemplateId: string;
  zbsParams: string;
  csText: string;
}

const areaClass =
  "rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm " +
  "focus:border-brand-600 aria-[invalid=true]:border-red-600";

export function TemplateForm({
  action,
  initial,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: TemplateFormInitial;
}) {
  const m = useTranslations();
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const t = useTranslations("notifications.templates");
  const messages = useMessages();
  const orders = (Object.entries(messages.notifications.templates.channelOrders) as [string, string][]).map(
    ([value, label]) => ({ value, label }),
  );
  return (
    <form action={formAction} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6">
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      <input type="hidden" name="eventType" value={initial.eventType} />
      <InputField name="label" label={t("label")} required defaultValue={v.label ?? initial.label} error={e.label} />
      <CheckboxField
        name="enabled"
        label={t("enabled")}
        defaultChecked={state.values ? v.enabled === "on" : initial.enabled}
        error={e.enabled}
      />
      <SelectField
        name="channels"
        label={t("channels")}
        options={orders}
        defaultValue={v.channels ?? initial.channels}
        error={e.channels}
      />
      <InputField
        name="zbsTemplateId"
        label={t("zbsTemplateId")}
        defaultValue={v.zbsTemplateId ?? initial.zbsTemplateId}
        error={e.zbsTemplateId}
      />
      <FieldShell id="f-zbsParams" label={t("zbsParams")} hint={t("zbsParamsHint")} error={e.zbsParams}>
        <textarea
          id="f-zbsParams"
          name="zbsParams"
          rows={6}
          className={areaClass}
          defaultValue={v.zbsParams ?? initial.zbsParams}
          aria-invalid={e.zbsParams ? true : undefined}
          aria-describedby={e.zbsParams ? "f-zbsParams-error" : "f-zbsParams-hint"}
        />
      </FieldShell>
      <FieldShell id="f-csText" label={t("csText")} hint={t("csTextHint")} error={e.csText}>
        <textarea
          id="f-csText"
          name="csText"
          rows={4}
          className={areaClass}
          defaultValue={v.csText ?? initial.csText}
          aria-invalid={e.csText ? true : undefined}
          aria-describedby={e.csText ? "f-csText-error" : "f-csText-hint"}
        />
      </FieldShell>
      <div>
        <SubmitButton pendingLabel={m("common.saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
