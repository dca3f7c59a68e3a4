"use client";
import { type FormEvent, type ReactNode, type RefObject, useActionState, useLayoutEffect, useRef } from "react";
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
  const [state, formAction, pending] = useActionState<S, FormData>(action, {} as Awaited<S>);
  const values = state.values ?? initialValues ?? {};
  const errors = state.fieldErrors ?? {};
  const field: BoundField = (name, fallback) => ({
    name,
    defaultValue: values[name] ?? String(fallback ?? ""),
    error: errors[name],
  });
  return { state, formAction, pending, values, errors, field };
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

/**
 * After a refusal React has reset the form to its default values: put back what was typed into fields a server page
 * rendered, which cannot read `field()`. Runs after that reset (same commit, before paint).
 */
function useKeepTyped(ref: RefObject<HTMLFormElement | null>, state: FormState, on: boolean | undefined) {
  useLayoutEffect(() => {
    const values = state.values;
    if (!on || state.ok || !values || !ref.current) return;
    for (const el of Array.from(ref.current.elements)) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement))
        continue;
      if (!el.name || el.type === "hidden" || el.type === "file" || el.type === "password") continue;
      const typed = values[el.name];
      // An unchecked box is not sent: absent means unchecked. Boxes sharing a name come back one value a line.
      if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio"))
        el.checked = typed !== undefined && typed.split("\n").includes(el.value);
      else if (typed !== undefined) el.value = typed;
    }
  }, [ref, state, on]);
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
  keepTyped,
  submitDisabled,
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
  /** The fields come from a server page (no `field()`): a refusal puts what was typed back into them. */
  keepTyped?: boolean;
  /** The form cannot be sent as it stands (the reply window forbids it). */
  submitDisabled?: boolean;
  noValidate?: boolean;
  onSubmit?: (ev: FormEvent<HTMLFormElement>) => void;
  "aria-label"?: string;
  children: ReactNode;
  "data-testid"?: string;
}) {
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(ref, focusFirstError ? form.state : {});
  useKeepTyped(ref, form.state, keepTyped);
  const wide = className.includes("md:grid-cols-2") ? "md:col-span-2" : undefined;
  // In a wrapping row (fields beside their button) the message takes a line of its own above them.
  const statusClass = wide ?? (className.includes("flex-wrap") ? "basis-full" : undefined);
  const button = (
    <SubmitButton variant={variant} pendingLabel={pending} disabled={submitDisabled}>
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
        className={statusClass}
      />
      {children}
      {fullWidthSubmit ? button : <div className={wide}>{button}</div>}
      {after}
    </form>
  );
}
