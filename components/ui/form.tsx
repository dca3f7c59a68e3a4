"use client";
import { type FormEvent, type ReactNode, useActionState, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/button-class";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { FormState } from "@/lib/auth/form-action";

/** A server action as a form receives it: the page passes it in, so components never import app/. */
export type FormAction = (prev: FormState, fd: FormData) => Promise<FormState>;

/**
 * The state of a form bound to its action. `field(name, fallback)` gives the props every field repeats: its name,
 * what was typed before a refusal (else the fallback) and its error.
 */
export type BoundField = (
  name: string,
  fallback?: string | number | null,
) => { name: string; defaultValue: string; error?: string };

export function useForm<S extends FormState = FormState>(
  action: (prev: S, fd: FormData) => Promise<S>,
  /** What the fields show before the first submit (a form started from another record). */
  initialValues?: Record<string, string>,
) {
  const [state, formAction] = useActionState<S, FormData>(action, {} as Awaited<S>);
  const values = state.values ?? initialValues ?? {};
  const errors = state.fieldErrors ?? {};
  const field: BoundField = (name, fallback) => ({
    name,
    defaultValue: values[name] ?? String(fallback ?? ""),
    error: errors[name],
  });
  return { state, formAction, values, errors, field };
}

/** The form's message: success and refusal, or only refusals (`errorsOnly`). */
function FormStatus({
  state,
  errorsOnly,
  formError,
  allErrors,
  className,
}: {
  state: FormState;
  errorsOnly?: boolean;
  /** Show the error of the whole form (`_form`) instead of the general message. */
  formError?: boolean;
  /** The message goes on with every field's error. */
  allErrors?: boolean;
  className?: string;
}) {
  if (!state.message || (errorsOnly && state.ok)) return null;
  // A refusal of the form as a whole (not of one field) says why better than the general message.
  const text = (formError && !state.ok && state.fieldErrors?._form) || state.message;
  const more = allErrors ? Object.values(state.fieldErrors ?? {}).filter((e) => e !== text) : [];
  const alert = <Alert tone={state.ok ? "success" : "error"}>{[text, ...more].join(" ")}</Alert>;
  return className ? <div className={className}>{alert}</div> : alert;
}

export const formCard = "rounded-lg border border-slate-200 bg-white p-6";
const gridCard = `grid grid-cols-1 gap-4 ${formCard} md:grid-cols-2`;
export const stackCard = `flex flex-col gap-4 ${formCard}`;
/** A small card beside a main form (reset a password, store a token): stacked, secondary button, empties on save. */
export const sideCard = { className: stackCard, resetOnSave: true, variant: "secondary" } as const;

/** A form card: its status message first, then the fields, then the submit button. */
export function FormShell({
  form,
  className = gridCard,
  submit,
  pending,
  variant,
  resetOnSave,
  errorsOnly,
  focusFirstError,
  fullWidthSubmit,
  formError,
  allErrors,
  heading,
  after,
  children,
  ...rest
}: {
  form: { state: FormState; formAction: (fd: FormData) => void };
  className?: string;
  submit: ReactNode;
  pending?: string;
  variant?: ButtonVariant;
  /** Remount after a save so the fields show what is stored now. */
  resetOnSave?: boolean;
  errorsOnly?: boolean;
  /** With noValidate: after a refusal the first field in error takes the focus. */
  focusFirstError?: boolean;
  /** The button stretches across the form instead of keeping its own width. */
  fullWidthSubmit?: boolean;
  formError?: boolean;
  /** The status message lists every field's error too (where a field's own error is easy to miss). */
  allErrors?: boolean;
  /** Shown above the status message. */
  heading?: ReactNode;
  /** Shown after the submit button (a confirmation dialog, whose own submit must not come first). */
  after?: ReactNode;
  noValidate?: boolean;
  onSubmit?: (ev: FormEvent<HTMLFormElement>) => void;
  "aria-label"?: string;
  children: ReactNode;
  "data-testid"?: string;
}) {
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(ref, focusFirstError ? form.state : {});
  const wide = className.includes("md:grid-cols-2") ? "md:col-span-2" : undefined;
  const button = (
    <SubmitButton variant={variant} pendingLabel={pending}>
      {submit}
    </SubmitButton>
  );
  return (
    <form
      ref={ref}
      action={form.formAction}
      className={className}
      key={resetOnSave ? (form.state.ok ? "saved" : "editing") : undefined}
      {...rest}
    >
      {heading}
      <FormStatus
        state={form.state}
        errorsOnly={errorsOnly}
        formError={formError}
        allErrors={allErrors}
        className={wide}
      />
      {children}
      {fullWidthSubmit ? button : <div className={wide}>{button}</div>}
      {after}
    </form>
  );
}
