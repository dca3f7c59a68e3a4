"use client";
import type { ButtonVariant } from "@/components/ui/button-class";
import { InputField, TextareaField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";

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
  const form = useForm(action);
  return (
    <FormShell
      form={form}
      errorsOnly
      fullWidthSubmit
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3"
      data-testid={testId}
      variant={variant}
      submit={label}
    >
      <input type="hidden" name="id" value={id} />
      {fields.map(({ type, ...f }) => {
        const props = { ...form.field(f.name), ...f, id: `step-${f.name}` };
        return type === "textarea" ? (
          <TextareaField key={f.name} {...props} rows={2} />
        ) : (
          <InputField key={f.name} {...props} type={type ?? "text"} />
        );
      })}
    </FormShell>
  );
}
