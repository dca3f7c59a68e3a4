"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const m = useTranslations();
  const [state, action] = useActionState(changePasswordAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6">
      {state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <InputField
        name="currentPassword"
        type="password"
        label={m("account.current")}
        autoComplete="current-password"
        required
        autoFocus
        error={e.currentPassword}
      />
      <InputField
        name="newPassword"
        type="password"
        label={m("account.next")}
        autoComplete="new-password"
        required
        hint={m("account.hint")}
        error={e.newPassword}
      />
      <InputField
        name="confirmPassword"
        type="password"
        label={m("account.confirm")}
        autoComplete="new-password"
        required
        error={e.confirmPassword}
      />
      <SubmitButton pendingLabel={m("common.saving")}>{m("account.submit")}</SubmitButton>
    </form>
  );
}
