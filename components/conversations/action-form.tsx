"use client";
import { type ReactNode, useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/button-class";
import type { FormAction } from "@/components/ui/form";

/** A small staff form posting to a server action, with its outcome (or each field's error) shown under it. */
export function ActionForm({
  action,
  conversationId,
  submit,
  variant = "secondary",
  children,
  testId,
}: {
  action: FormAction;
  conversationId: number;
  submit: string;
  variant?: ButtonVariant;
  children?: ReactNode;
  testId?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const errors = Object.values(state.fieldErrors ?? {});
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid={testId}>
      <input type="hidden" name="conversationId" value={conversationId} />
      {children}
      <div>
        <SubmitButton variant={variant}>{submit}</SubmitButton>
      </div>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
          {state.message}
          {errors.length ? ` ${errors.join(" ")}` : ""}
        </p>
      ) : null}
    </form>
  );
}
