"use client";
import { useTranslations } from "next-intl";
import { InputField } from "@/components/ui/field";
import { FormShell, stackCard, useForm } from "@/components/ui/form";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const m = useTranslations();
  const form = useForm(changePasswordAction);
  const password = (name: string, autoComplete: string) => ({
    name,
    type: "password",
    autoComplete,
    required: true,
    error: form.errors[name],
  });
  return (
    <FormShell
      form={form}
      className={stackCard}
      errorsOnly
      fullWidthSubmit
      submit={m("account.submit")}
      pending={m("common.saving")}
    >
      <InputField {...password("currentPassword", "current-password")} label={m("account.current")} autoFocus />
      <InputField {...password("newPassword", "new-password")} label={m("account.next")} hint={m("account.hint")} />
      <InputField {...password("confirmPassword", "new-password")} label={m("account.confirm")} />
    </FormShell>
  );
}
