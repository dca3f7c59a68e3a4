"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import type { FormAction } from "@/components/ui/form";

/** A small staff form posting to a server action; shows the refusal or the success message above its fields. */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  testId,
  className = "flex flex-wrap items-end gap-3",
}: {
  action: FormAction;
  children: ReactNode;
  submitLabel: string;
  /** Defaults to the catalogue's "saving…". */
  pendingLabel?: string;
  testId?: string;
  className?: string;
}) {
  const saving = useTranslations("homeSupport.ui")("saving");
  const [state, formAction] = useActionState(action, {});
  const errors = Object.values(state.fieldErrors ?? {});
  return (
    <form action={formAction} data-testid={testId} className="flex flex-col gap-2">
      {state.message && !state.ok ? (
        <Alert tone="error">{[state.message, ...errors.filter((e) => e !== state.message)].join(" ")}</Alert>
      ) : null}
      {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <div className={className}>
        {children}
        <SubmitButton pendingLabel={pendingLabel ?? saving}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
