"use client";
import { SubmitButton } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/button-class";
import { type FormAction, useForm } from "@/components/ui/form";

interface InlineActionProps {
  action: FormAction;
  /** Hidden fields naming what the button acts on. */
  fields?: Record<string, string | number>;
  label: string;
  pendingLabel?: string;
  /** Asked with window.confirm before submitting. */
  confirmText?: string;
  variant?: ButtonVariant;
  /** Accessible name when the visible label alone is ambiguous in a table row. */
  ariaLabel?: string;
  /**
   * "inline": a refusal shows beside the button (the row changes on success). "stacked": the outcome, success too,
   * shows under it (the row stays: re-send, re-queue).
   */
  layout?: "inline" | "stacked";
  /** "icon": a small round button for a one-character label (× in a tag chip); needs ariaLabel. */
  size?: "normal" | "icon";
  testId?: string;
}

const iconButton =
  "inline-flex size-6 items-center justify-center rounded-full text-lg leading-none text-slate-600 " +
  "hover:bg-slate-300 hover:text-slate-900 disabled:opacity-50";

/** A one-button form (confirm, delete, re-send) in a table row or a card. */
export function InlineAction({
  action,
  fields = {},
  label,
  pendingLabel,
  confirmText,
  variant = "secondary",
  ariaLabel,
  layout = "inline",
  size = "normal",
  testId,
}: InlineActionProps) {
  const { state, formAction } = useForm(action);
  const stacked = layout === "stacked";
  const shown = state.message && (stacked || !state.ok);
  return (
    <form
      action={formAction}
      className={stacked ? "flex flex-col items-start gap-1" : "inline-flex items-center gap-2"}
      onSubmit={(ev) => {
        if (confirmText && !window.confirm(confirmText)) ev.preventDefault();
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton
        variant={variant}
        pendingLabel={pendingLabel}
        aria-label={ariaLabel}
        data-testid={testId}
        // SubmitButton's own classes stand unless replaced: an undefined className would wipe them.
        {...(size === "icon" ? { className: iconButton, title: ariaLabel } : {})}
      >
        {label}
      </SubmitButton>
      {shown ? (
        <span
          role={state.ok ? "status" : "alert"}
          className={`${stacked ? "text-xs" : "text-sm"} ${state.ok ? "text-green-800" : "text-red-700"}`}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
