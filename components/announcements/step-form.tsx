"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import type { ButtonVariant } from "@/components/ui/button-class";
import type { FormAction } from "@/components/ui/form";
import type { FormState } from "@/lib/auth/form-action";

/** One workflow step (approve, return, pause…) as a small form; refused input stays typed. */
export function StepForm({
  action,
  id,
  label,
  variant = "secondary",
  fields = [],
  testId,
}: {
  action: FormAction;
  id: number;
  label: string;
  variant?: ButtonVariant;
  fields?: { name: string; label: string; type?: "text" | "datetime-local" | "textarea"; required?: boolean }[];
  testId?: string;
}) {
  const [state, run] = useActionState<FormState, FormData>(action, {});
  return (
    <form
      action={run}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3"
      data-testid={testId}
    >
      <input type="hidden" name="id" value={id} />
      {fields.map((f) => (
        <label key={f.name} className="flex flex-col text-sm">
          {f.label}
          {f.type === "textarea" ? (
            <textarea
              name={f.name}
              rows={2}
              required={f.required}
              defaultValue={state.values?.[f.name]}
              className="rounded-md border border-slate-400 px-2 py-1"
            />
          ) : (
            <input
              name={f.name}
              type={f.type ?? "text"}
              required={f.required}
              defaultValue={state.values?.[f.name]}
              className="rounded-md border border-slate-400 px-2 py-1"
            />
          )}
          {state.fieldErrors?.[f.name] ? (
            <span role="alert" className="text-red-700">
              {state.fieldErrors[f.name]}
            </span>
          ) : null}
        </label>
      ))}
      <SubmitButton variant={variant}>{label}</SubmitButton>
      <FieldError error={state.ok ? undefined : state.message} />
    </form>
  );
}
