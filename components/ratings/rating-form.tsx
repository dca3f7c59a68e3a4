"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { FieldError, TextareaField } from "@/components/ui/field";
import { type FormAction, useForm } from "@/components/ui/form";

type Level = "very_satisfied" | "satisfied" | "dissatisfied";
const levels: Level[] = ["very_satisfied", "satisfied", "dissatisfied"];

export interface RatingFormProps {
  code: string;
  secret?: string;
  criteria: { key: string; label: string }[];
  current?: { level: Level; criteria: Record<string, Level>; comment: string | null } | null;
  action: FormAction;
  /** Called once after a successful rating (the counter device goes back to idle). */
  onDone?: () => void;
}

/**
 * Phone-first: three large choices, optional criteria and comment; a refused form keeps what was chosen. Not a
 * FormShell: the citizen's large radios and button, and the thanks that replace the form, are its own.
 */
export function RatingForm({ code, secret, criteria, current, action, onDone }: RatingFormProps) {
  const m = useTranslations("ratings");
  const { state, formAction, pending, errors, field } = useForm(action);
  useEffect(() => {
    if (state.ok && onDone) onDone();
  }, [state.ok, onDone]);
  const chosen = (name: string, fallback?: string | null) => field(name, fallback).defaultValue;
  if (state.ok) {
    return (
      <div
        role="status"
        className="rounded-lg border border-green-300 bg-green-50 p-4 text-base text-green-900"
        data-testid="rating-thanks"
      >
        {state.message}
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-5" data-testid="rating-form">
      <input type="hidden" name="code" value={code} />
      {secret ? <input type="hidden" name="t" value={secret} /> : null}
      {state.message ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
          data-testid="rating-error"
        >
          {state.message}
        </p>
      ) : null}
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.level ? "level-error" : undefined}>
        <legend className="mb-2 text-lg font-bold">{m("page.overall")}</legend>
        {levels.map((l) => (
          <label
            key={l}
            className={
              "flex cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-300 bg-white px-4 py-4 " +
              "text-lg has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            }
          >
            <input
              type="radio"
              name="level"
              value={l}
              defaultChecked={chosen("level", current?.level) === l}
              className="h-5 w-5"
              required
            />
            <span className="font-semibold">{m(`levels.${l}`)}</span>
          </label>
        ))}
        <FieldError id="level-error" error={errors.level} />
      </fieldset>
      {criteria.length ? (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 font-semibold">{m("page.criteria")}</legend>
          {criteria.map((c) => (
            <fieldset key={c.key} className="rounded-md border border-slate-200 bg-white p-3">
              <legend className="px-1 text-sm font-semibold">{c.label}</legend>
              <div className="flex flex-wrap gap-2">
                {levels.map((l) => (
                  <label
                    key={l}
                    className={
                      "flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm " +
                      "has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                    }
                  >
                    <input
                      type="radio"
                      name={`criteria.${c.key}`}
                      value={l}
                      defaultChecked={chosen(`criteria.${c.key}`, current?.criteria[c.key]) === l}
                    />
                    {m(`levels.${l}`)}
                  </label>
                ))}
              </div>
              <FieldError error={errors[`criteria.${c.key}`]} className="mt-1" />
            </fieldset>
          ))}
        </fieldset>
      ) : null}
      <TextareaField
        {...field("comment", current?.comment)}
        id="rating-comment"
        label={m("page.comment")}
        rows={3}
        maxLength={1000}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-4 text-lg font-semibold text-white disabled:bg-slate-400"
      >
        {m("page.submit")}
      </button>
    </form>
  );
}
