"use client";
import { useMessages, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { FieldShell, InputField, SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";
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
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  units: { id: number; name: string }[];
  fields: string[];
  initial?: ProcedureFormInitial;
}

const textareaClass =
  "min-h-20 rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm " +
  "aria-[invalid=true]:border-red-600";

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
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const echoed = state.values !== undefined;
  const val = (key: keyof ProcedureFormInitial, fallback = "") =>
    v[key] ?? (initial?.[key] == null ? fallback : String(initial[key]));
  const decimal = (n: number | null | undefined) => (n == null ? "" : String(n).replace(".", ","));
  const delivery = echoed ? (v.deliveryMethods ?? "").split("\n") : (initial?.deliveryMethods ?? ["counter"]);
  const components =
    componentsFromEcho(v) ??
    (initial?.components ?? []).map((c) => ({ name: c.name, copies: String(c.copies), original: !!c.original }));
  return (
    <form
      action={formAction}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-2"
      noValidate
    >
      {state.message ? (
        <div className="md:col-span-2">
          <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>
        </div>
      ) : null}
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <div className="md:col-span-2">
        <InputField name="name" label={t("name")} required autoFocus defaultValue={val("name")} error={e.name} />
      </div>
      <InputField
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        placeholder="1.004227"
        defaultValue={val("code")}
        error={e.code}
      />
      <InputField
        name="field"
        label={t("field")}
        required
        list="procedure-fields"
        defaultValue={val("field")}
        error={e.field}
      />
      <datalist id="procedure-fields">
        {fields.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <InputField name="sector" label={t("sector")} defaultValue={val("sector")} error={e.sector} />
      <SelectField
        name="level"
        label={t("level")}
        options={[
          { value: "", label: t("levelNone") },
          ...(Object.entries(messages.procedures.levels) as [string, string][]).map(([value, label]) => ({
            value,
            label,
          })),
        ]}
        defaultValue={val("level")}
        error={e.level}
      />
      <InputField name="agency" label={t("agency")} defaultValue={val("agency")} error={e.agency} />
      <SelectField
        name="unitId"
        label={t("unit")}
        hint={t("unitHint")}
        options={[{ value: "", label: t("anyUnit") }, ...units.map((u) => ({ value: String(u.id), label: u.name }))]}
        defaultValue={val("unitId")}
        error={e.unitId}
      />
      <InputField
        name="processingDays"
        label={t("processingDays")}
        hint={t("processingDaysHint")}
        inputMode="decimal"
        defaultValue={v.processingDays ?? decimal(initial?.processingDays)}
        error={e.processingDays}
      />
      <InputField
        name="processingHours"
        label={t("processingHours")}
        hint={t("processingHoursHint")}
        inputMode="numeric"
        defaultValue={val("processingHours")}
        error={e.processingHours}
      />
      <div className="md:col-span-2">
        <FieldShell id="f-processingNote" label={t("processingNote")} error={e.processingNote}>
          <textarea
            id="f-processingNote"
            name="processingNote"
            defaultValue={val("processingNote")}
            aria-invalid={e.processingNote ? true : undefined}
            className={textareaClass}
          />
        </FieldShell>
      </div>
      <div className="md:col-span-2">
        <FieldShell id="f-feeText" label={t("feeText")} error={e.feeText}>
          <textarea
            id="f-feeText"
            name="feeText"
            defaultValue={val("feeText")}
            aria-invalid={e.feeText ? true : undefined}
            className={textareaClass}
          />
        </FieldShell>
      </div>
      <InputField
        name="feeAmount"
        label={t("feeAmount")}
        hint={t("feeAmountHint")}
        inputMode="numeric"
        defaultValue={v.feeAmount ?? (initial?.feeAmount == null ? "" : initial.feeAmount.toLocaleString("vi-VN"))}
        error={e.feeAmount}
      />
      <InputField
        name="cutoffTime"
        label={t("cutoffTime")}
        hint={t("cutoffHint")}
        placeholder="15:00"
        defaultValue={val("cutoffTime")}
        error={e.cutoffTime}
      />
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
        {e.deliveryMethods ? (
          <p role="alert" className="text-sm text-red-700">
            {e.deliveryMethods}
          </p>
        ) : null}
      </fieldset>
      <SelectField
        name="supplementClock"
        label={t("supplementClock")}
        options={(Object.entries(messages.procedures.supplementModes) as [string, string][]).map(([value, label]) => ({
          value,
          label,
        }))}
        defaultValue={val("supplementClock", "pause")}
        error={e.supplementClock}
      />
      <div className="md:col-span-2">
        <SubmitButton pendingLabel={m("common.saving")}>{m("common.save")}</SubmitButton>
      </div>
    </form>
  );
}
