"use client";
import { useMessages, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxField, InputField, optionsOf, SelectField } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form";
import type { FormState } from "@/lib/http/form-action";

interface DayFormProps {
  action: FormAction;
  /** Existing day (date as dd/MM/yyyy); absent for a new day. */
  initial?: { id: number; date: string; kind: string; name: string; sourceNote: string | null; confirmed: boolean };
}

export function DayForm({ action, initial }: DayFormProps) {
  const m = useTranslations();
  // Counting saves gives the form a new key after each one, so a successful add clears the fields.
  const [state, formAction] = useActionState<FormState & { saves?: number }, FormData>(async (prev, fd) => {
    const next = await action(prev, fd);
    return { ...next, saves: (prev.saves ?? 0) + (next.ok ? 1 : 0) };
  }, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const kinds = Object.entries(useMessages().calendar.kinds).map(([value, label]) => ({ value, label }));
  return (
    <form
      action={formAction}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-2"
      key={`form-${state.saves ?? 0}`}
    >
      {state.message ? (
        <div className="md:col-span-2">
          <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>
        </div>
      ) : null}
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <InputField
        name="date"
        label={m("calendar.date")}
        hint={m("calendar.dateHint")}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        autoComplete="off"
        required
        autoFocus={!!initial}
        defaultValue={v.date ?? initial?.date ?? ""}
        error={e.date}
      />
      <SelectField
        name="kind"
        label={m("calendar.kind")}
        hint={m("calendar.kindHint")}
        options={kinds}
        defaultValue={v.kind ?? initial?.kind ?? "holiday"}
        error={e.kind}
      />
      <InputField
        name="name"
        label={m("calendar.name")}
        placeholder={m("calendar.namePlaceholder")}
        required
        defaultValue={v.name ?? initial?.name ?? ""}
        error={e.name}
      />
      <InputField
        name="sourceNote"
        label={m("calendar.sourceNote")}
        hint={m("calendar.sourceNoteHint")}
        defaultValue={v.sourceNote ?? initial?.sourceNote ?? ""}
        error={e.sourceNote}
      />
      <div className="md:col-span-2">
        <CheckboxField
          name="confirmed"
          label={m("calendar.confirmedLabel")}
          defaultChecked={v.date !== undefined ? v.confirmed === "on" : (initial?.confirmed ?? true)}
          error={e.confirmed}
        />
      </div>
      {e._form ? (
        <p className="text-sm text-red-700 md:col-span-2" role="alert">
          {e._form}
        </p>
      ) : null}
      <div className="md:col-span-2">
        <SubmitButton pendingLabel={m("common.saving")}>{initial ? m("common.save") : m("calendar.add")}</SubmitButton>
      </div>
    </form>
  );
}
