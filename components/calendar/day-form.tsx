"use client";
import { useMessages, useTranslations } from "next-intl";
import { CheckboxField, FieldError, InputField, optionsOf, SelectField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";
import type { FormState } from "@/lib/auth/form-action";

interface DayFormProps {
  action: FormAction;
  /** Existing day (date as dd/MM/yyyy); absent for a new day. */
  initial?: { id: number; date: string; kind: string; name: string; sourceNote: string | null; confirmed: boolean };
}

export function DayForm({ action, initial }: DayFormProps) {
  const m = useTranslations();
  // Counting saves gives the form a new key after each one, so a successful add clears the fields.
  const form = useForm<FormState & { saves?: number }>(async (prev, fd) => {
    const next = await action(prev, fd);
    return { ...next, saves: (prev.saves ?? 0) + (next.ok ? 1 : 0) };
  });
  const { field, values: v, errors: e } = form;
  const kinds = optionsOf(useMessages().calendar.kinds);
  return (
    <FormShell
      key={`form-${form.state.saves ?? 0}`}
      form={form}
      submit={initial ? m("common.save") : m("calendar.add")}
      pending={m("common.saving")}
    >
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <InputField
        {...field("date", initial?.date)}
        label={m("calendar.date")}
        hint={m("calendar.dateHint")}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        autoComplete="off"
        required
        autoFocus={!!initial}
      />
      <SelectField
        {...field("kind", initial?.kind ?? "holiday")}
        label={m("calendar.kind")}
        hint={m("calendar.kindHint")}
        options={kinds}
      />
      <InputField
        {...field("name", initial?.name)}
        label={m("calendar.name")}
        placeholder={m("calendar.namePlaceholder")}
        required
      />
      <InputField
        {...field("sourceNote", initial?.sourceNote)}
        label={m("calendar.sourceNote")}
        hint={m("calendar.sourceNoteHint")}
      />
      <div className="md:col-span-2">
        <CheckboxField
          name="confirmed"
          label={m("calendar.confirmedLabel")}
          defaultChecked={v.date !== undefined ? v.confirmed === "on" : (initial?.confirmed ?? true)}
          error={e.confirmed}
        />
      </div>
      <FieldError error={e._form} className="md:col-span-2" />
    </FormShell>
  );
}
