"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/button-class";
import type { FormAction } from "@/components/ui/form";

interface InlineActionProps {
  action: FormAction;
  fields: Record<string, string | number>;
  label: string;
  pendingLabel: string;
  /** Asked with window.confirm before submitting. */
  confirmText?: string;
  variant?: ButtonVariant;
  /** Accessible name when the visible label alone is ambiguous in a table row. */
  ariaLabel?: string;
}

/** A one-button form (confirm, delete) whose error or success message shows beside the button. */
export function InlineAction({
  action,
  fields,
  label,
  pendingLabel,
  confirmText,
  variant = "secondary",
  ariaLabel,
}: InlineActionProps) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className="inline-flex items-center gap-2"
      onSubmit={(ev) => {
        if (confirmText && !window.confirm(confirmText)) ev.preventDefault();
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton variant={variant} pendingLabel={pendingLabel} aria-label={ariaLabel}>
        {label}
      </SubmitButton>
      {state.message && !state.ok ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
