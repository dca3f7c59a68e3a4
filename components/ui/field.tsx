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

/** What every field adds to its own label: name, id, error and hint. */
interface FieldProps {
  name: string;
  label: string;
  error?: string;
  hint?: string;
}

/** The attributes tying a control to its label, hint and error. */
function controlAttrs(fieldId: string, { name, error, hint }: FieldProps, required: boolean | undefined) {
  return {
    id: fieldId,
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined,
  };
}

type InputFieldProps = InputHTMLAttributes<HTMLInputElement> & FieldProps;

export function InputField({ name, label, error, hint, id, required, ...rest }: InputFieldProps) {
  const fieldId = id ?? `f-${name}`;
  const field = { name, label, error, hint };
  return (
    <FieldShell id={fieldId} {...field} required={required}>
      <input {...controlAttrs(fieldId, field, required)} className={controlClass} {...rest} />
    </FieldShell>
  );
}

type TextareaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> &
  FieldProps & {
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
  const field = { name, label, error, hint };
  const size = code ? "font-mono text-sm" : "text-base";
  return (
    <FieldShell id={fieldId} {...field} required={required}>
      <textarea
        {...controlAttrs(fieldId, field, required)}
        className={`${controlBase} ${size}${className ? ` ${className}` : ""}`}
        {...rest}
      />
    </FieldShell>
  );
}

/** A catalogue's `{ value: label }` map as select options. */
export function optionsOf(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** A select's options. */
export function Options({ options }: { options: { value: string; label: string }[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> &
  FieldProps & {
    options: { value: string; label: string }[];
  };

export function SelectField({ name, label, error, hint, id, options, required, ...rest }: SelectFieldProps) {
  const fieldId = id ?? `f-${name}`;
  const field = { name, label, error, hint };
  return (
    <FieldShell id={fieldId} {...field} required={required}>
      {/* A select's hint is not read with it: its options say enough. */}
      <select {...controlAttrs(fieldId, { ...field, hint: undefined }, required)} className={controlClass} {...rest}>
        <Options options={options} />
      </select>
    </FieldShell>
  );
}

export function CheckboxField({
  name,
  id = `f-${name}`,
  label,
  hint,
  defaultChecked,
  error,
}: {
  name: string;
  /** When the same form shows more than once on a page. */
  id?: string;
  label: string;
  /** A second line under the label. */
  hint?: string;
  defaultChecked?: boolean;
  error?: string;
}) {
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
