"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxField, InputField, SelectField } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form";

export interface OfficeHoursValues {
  morningStart: string;
  morningEnd: string;
  afternoonStart: string;
  afternoonEnd: string;
  saturdayMorning: boolean;
}

interface OfficeHoursFormProps {
  action: FormAction;
  /** Prefix for element ids, so several forms can share a page. */
  idPrefix: string;
  initial: OfficeHoursValues;
  /** A fixed unit (null = the default row), or a list to choose from. */
  unit: { fixed: number | null } | { choices: { id: number; name: string }[] };
  title?: string;
}

export function OfficeHoursForm({ action, idPrefix, initial, unit, title }: OfficeHoursFormProps) {
  const m = useTranslations();
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const time = (name: keyof Omit<OfficeHoursValues, "saturdayMorning">, label: string) => (
    <InputField
      id={`${idPrefix}-${name}`}
      name={name}
      type="time"
      step={60}
      label={label}
      required
      defaultValue={v[name] ?? initial[name]}
      error={e[name]}
    />
  );
  return (
    <form
      action={formAction}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
      aria-label={title}
    >
      {title ? <h3 className="text-base font-semibold">{title}</h3> : null}
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      {"fixed" in unit ? (
        <input type="hidden" name="unitId" value={unit.fixed ?? ""} />
      ) : (
        <SelectField
          id={`${idPrefix}-unitId`}
          name="unitId"
          label={m("calendar.unit")}
          required
          options={[
            { value: "", label: m("calendar.chooseUnit") },
            ...unit.choices.map((u) => ({ value: String(u.id), label: u.name })),
          ]}
          defaultValue={v.unitId ?? ""}
          error={e.unitId}
        />
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">{m("calendar.morning")}</legend>
        {time("morningStart", m("calendar.morningStart"))}
        {time("morningEnd", m("calendar.morningEnd"))}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">{m("calendar.afternoon")}</legend>
        {time("afternoonStart", m("calendar.afternoonStart"))}
        {time("afternoonEnd", m("calendar.afternoonEnd"))}
      </fieldset>
      <div>
        <CheckboxField
          name="saturdayMorning"
          label={m("calendar.saturdayMorning")}
          defaultChecked={v.morningStart !== undefined ? v.saturdayMorning === "on" : initial.saturdayMorning}
        />
        <p className="mt-1 text-xs text-slate-600">{m("calendar.saturdayMorningHint")}</p>
      </div>
      <div>
        <SubmitButton pendingLabel={m("common.saving")}>{m("common.save")}</SubmitButton>
      </div>
    </form>
  );
}
