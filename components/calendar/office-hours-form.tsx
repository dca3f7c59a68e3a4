"use client";
import { useTranslations } from "next-intl";
import { CheckboxField, InputField, SelectField } from "@/components/ui/field";
import { type FormAction, FormShell, stackCard, useForm } from "@/components/ui/form";

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
  const form = useForm(action);
  const { field, values: v } = form;
  const time = (name: keyof Omit<OfficeHoursValues, "saturdayMorning">, label: string) => (
    <InputField
      {...field(name, initial[name])}
      id={`${idPrefix}-${name}`}
      type="time"
      step={60}
      label={label}
      required
    />
  );
  return (
    <FormShell
      form={form}
      className={stackCard}
      aria-label={title}
      heading={title ? <h3 className="text-base font-semibold">{title}</h3> : null}
      submit={m("common.save")}
      pending={m("common.saving")}
    >
      {"fixed" in unit ? (
        <input type="hidden" name="unitId" value={unit.fixed ?? ""} />
      ) : (
        <SelectField
          id={`${idPrefix}-unitId`}
          label={m("calendar.unit")}
          required
          options={[
            { value: "", label: m("calendar.chooseUnit") },
            ...unit.choices.map((u) => ({ value: String(u.id), label: u.name })),
          ]}
          {...field("unitId")}
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
    </FormShell>
  );
}
