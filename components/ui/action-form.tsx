"use client";
import type { ReactNode } from "react";
import type { ButtonVariant } from "@/components/ui/button-class";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";

/**
 * A small form whose fields a server page renders (assign, classify, a menu table): FormShell's message and
 * button around them. They cannot read `field()`, so a refusal puts what was typed back and the message lists every
 * field's error.
 */
export function ActionForm({
  action,
  fields = {},
  submit,
  pending,
  variant,
  className = "flex flex-col gap-2",
  testId,
  children,
}: {
  action: FormAction;
  /** Hidden fields naming what the form acts on. */
  fields?: Record<string, string | number>;
  submit: string;
  pending?: string;
  variant?: ButtonVariant;
  className?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const form = useForm(action);
  return (
    <FormShell
      form={form}
      className={className}
      submit={submit}
      pending={pending}
      variant={variant}
      allErrors
      keepTyped
      data-testid={testId}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
    </FormShell>
  );
}
