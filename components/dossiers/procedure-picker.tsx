"use client";
import { useMessages, useTranslations } from "next-intl";
import { ProcedurePicker as ProcedureCombobox } from "@/components/procedures/procedure-picker";
import type { ProcedureOption } from "@/lib/procedures/search";

interface Props {
  value: ProcedureOption | null;
  onChange: (p: ProcedureOption | null) => void;
  error?: string;
}

/** The intake form's procedure: the catalogue combobox until one is chosen, then a card with its time and fee. */
export function ProcedurePicker({ value, onChange, error }: Props) {
  const m = useTranslations();
  const t = useTranslations("dossiers.intake");
  const pickerLabels = useMessages().procedures.picker;
  if (!value) {
    return (
      <ProcedureCombobox
        labels={{
          ...pickerLabels,
          label: t("procedure"),
          placeholder: t("procedureSearch"),
          hint: t("procedureHint"),
          noResults: t("procedureNone"),
        }}
        required
        autoFocus
        holdEnter
        error={error}
        onSelect={onChange}
      />
    );
  }
  const time = [
    value.processingDays != null
      ? `${t("processing")}: ${m("procedures.daysValue", { days: value.processingDays })}`
      : null,
    value.processingHours != null ? m("procedures.hoursValue", { hours: value.processingHours }) : null,
    value.feeText ? `${t("fee")}: ${value.feeText}` : null,
  ];
  return (
    <div className="rounded-md border border-brand-600 bg-brand-50 p-3" data-testid="chosen-procedure">
      <p className="text-xs font-semibold uppercase text-slate-600">{t("procedureChosen")}</p>
      <p className="font-semibold text-slate-900">
        {value.code ? <span className="font-mono text-sm">{value.code} · </span> : null}
        {value.name}
      </p>
      <p className="text-sm text-slate-700">{[value.field, ...time].filter(Boolean).join(" · ")}</p>
      <button type="button" className="mt-2 text-sm text-brand-700 underline" onClick={() => onChange(null)}>
        {t("procedureChange")}
      </button>
    </div>
  );
}
