"use client";
import { useMessages, useTranslations } from "next-intl";
import { FieldError, InputField, optionsOf, SelectField, TextareaField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";
import { type ComponentDraft, ComponentsEditor } from "./components-editor";

export interface ProcedureFormInitial {
  id: number;
  code: string | null;
  name: string;
  field: string;
  sector: string | null;
  level: string | null;
  agency: string | null;
  unitId: number | null;
  processingDays: number | null;
  processingHours: number | null;
  processingNote: string | null;
  feeText: string | null;
  feeAmount: number | null;
  components: { name: string; copies: number; original?: boolean }[];
  deliveryMethods: string[];
  cutoffTime: string | null;
  supplementClock: string;
}

interface ProcedureFormProps {
  action: FormAction;
  units: { id: number; name: string }[];
  fields: string[];
  initial?: ProcedureFormInitial;
}

/** Values echoed back after a refused save win over the stored ones, so nothing typed is lost. */
function componentsFromEcho(v: Record<string, string>): ComponentDraft[] | null {
  if (v.componentName === undefined) return null;
  const names = v.componentName.split("\n");
  const copies = (v.componentCopies ?? "").split("\n");
  const originals = (v.componentOriginal ?? "").split("\n");
  return names.map((name, i) => ({ name, copies: copies[i] ?? "1", original: originals[i] === "1" }));
}

export function ProcedureForm({ action, units, fields, initial }: ProcedureFormProps) {
  const m = useTranslations();
  const t = useTranslations("procedures");
  const messages = useMessages();
  const form = useForm(action);
  const { values: v, errors: e } = form;
  const echoed = form.state.values !== undefined;
  const f = (key: keyof ProcedureFormInitial, stored = initial?.[key]) => form.field(key, stored as string | null);
  const decimal = (n: number | null | undefined) => (n == null ? "" : String(n).replace(".", ","));
  const delivery = echoed ? (v.deliveryMethods ?? "").split("\n") : (initial?.deliveryMethods ?? ["counter"]);
  const components =
    componentsFromEcho(v) ??
    (initial?.components ?? []).map((c) => ({ name: c.name, copies: String(c.copies), original: !!c.original }));
  return (
    <FormShell form={form} noValidate submit={m("common.save")} pending={m("common.saving")}>
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <div className="md:col-span-2">
        <InputField {...f("name")} label={t("name")} required autoFocus />
      </div>
      <InputField {...f("code")} label={t("code")} hint={t("codeHint")} placeholder="1.004227" />
      <InputField {...f("field")} label={t("field")} required list="procedure-fields" />
      <datalist id="procedure-fields">
        {fields.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <InputField {...f("sector")} label={t("sector")} />
      <SelectField
        {...f("level")}
        label={t("level")}
        options={[{ value: "", label: t("levelNone") }, ...optionsOf(messages.procedures.levels)]}
      />
      <InputField {...f("agency")} label={t("agency")} />
      <SelectField
        {...f("unitId")}
        label={t("unit")}
        hint={t("unitHint")}
        options={[{ value: "", label: t("anyUnit") }, ...units.map((u) => ({ value: String(u.id), label: u.name }))]}
      />
      <InputField
        {...f("processingDays", decimal(initial?.processingDays))}
        label={t("processingDays")}
        hint={t("processingDaysHint")}
        inputMode="decimal"
      />
      <InputField
        {...f("processingHours")}
        label={t("processingHours")}
        hint={t("processingHoursHint")}
        inputMode="numeric"
      />
      <div className="md:col-span-2">
        <TextareaField {...f("processingNote")} label={t("processingNote")} className="min-h-20" />
      </div>
      <div className="md:col-span-2">
        <TextareaField {...f("feeText")} label={t("feeText")} className="min-h-20" />
      </div>
      <InputField
        {...f("feeAmount", initial?.feeAmount?.toLocaleString("vi-VN"))}
        label={t("feeAmount")}
        hint={t("feeAmountHint")}
        inputMode="numeric"
      />
      <InputField {...f("cutoffTime")} label={t("cutoffTime")} hint={t("cutoffHint")} placeholder="15:00" />
      <div className="md:col-span-2">
        <ComponentsEditor initial={components} errors={e} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold text-slate-800">{t("deliveryMethods")}</legend>
        {/* Always posted, so an admin who unticks every box gets a message instead of the default. */}
        <input type="hidden" name="deliveryMethods" value="" />
        {(Object.entries(messages.procedures.delivery) as [string, string][]).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="deliveryMethods"
              value={value}
              defaultChecked={delivery.includes(value)}
              className="h-4 w-4 accent-brand-600"
            />
            {label}
          </label>
        ))}
        <FieldError error={e.deliveryMethods} />
      </fieldset>
      <SelectField
        {...f("supplementClock", initial?.supplementClock ?? "pause")}
        label={t("supplementClock")}
        options={optionsOf(messages.procedures.supplementModes)}
      />
    </FormShell>
  );
}
