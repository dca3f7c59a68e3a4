import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** A field's label, with a star when the field is required. */
export function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={htmlFor} className="text-sm font-semibold text-slate-800">
      {label}
      {required ? (
        <span className="text-red-700" aria-hidden>
          {" "}
          *
        </span>
      ) : null}
    </label>
  );
}

interface FieldShellProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: ReactNode;
}

export function FieldShell({ id, label, error, hint, required, children }: FieldShellProps) {
  return (
    <div className="flex flex-col gap-1">
      <FieldLabel htmlFor={id} label={label} required={required} />
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const controlBase =
  "rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 " +
  "aria-[invalid=true]:border-red-600";
const controlClass = `${controlBase} text-base`;

type InputFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: string;
};

export function InputField({ name, label, error, hint, id, required, ...rest }: InputFieldProps) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint} required={required}>
      <input
        id={fieldId}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined}
        className={controlClass}
        {...rest}
      />
    </FieldShell>
  );
}

type TextareaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  /** Code-like text (templates): monospace and smaller. */
  code?: boolean;
};

export function TextareaField({
  name,
  label,
  error,
  hint,
  id,
  required,
  className,
  code,
  ...rest
}: TextareaFieldProps) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint} required={required}>
      <textarea
        id={fieldId}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined}
        className={`${controlBase} ${code ? "font-mono text-sm" : "text-base"}${className ? ` ${className}` : ""}`}
        {...rest}
      />
    </FieldShell>
  );
}

/** A catalogue's `{ value: label }` map as select options. */
export function optionsOf(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  options: { value: string; label: string }[];
};

export function SelectField({ name, label, error, hint, id, options, required, ...rest }: SelectFieldProps) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint} required={required}>
      <select
        id={fieldId}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        className={controlClass}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  defaultChecked,
  error,
}: {
  name: string;
  label: string;
  /** A second line under the label. */
  hint?: string;
  defaultChecked?: boolean;
  error?: string;
}) {
  const id = `f-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label
        htmlFor={id}
        className={`flex gap-2 text-sm ${hint ? "items-start text-slate-900" : "items-center text-slate-800"}`}
      >
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          className={`${hint ? "mt-0.5 " : ""}h-4 w-4 accent-brand-600`}
        />
        {hint ? (
          <span>
            {label}
            <span className="block text-xs text-slate-600">{hint}</span>
          </span>
        ) : (
          label
        )}
      </label>
      <FieldError error={error} />
    </div>
  );
}

/** A field's or a group's error under it. */
export function FieldError({ error, id, className }: { error?: string | null; id?: string; className?: string }) {
  return error ? (
    <p id={id} role="alert" className={`text-sm text-red-700${className ? ` ${className}` : ""}`}>
      {error}
    </p>
  ) : null;
}
