"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { FieldError, InputField, SelectField } from "@/components/ui/field";
import { type FormAction, useForm } from "@/components/ui/form";
import type { RatingCriterion, RatingLevel } from "@/db/schema";
import { Table, THead, Td, Th, Tr } from "@/components/ui/table";

const STARS = ["1", "2", "3", "4", "5"] as const;
const LEVELS: RatingLevel[] = ["very_satisfied", "satisfied", "dissatisfied"];
const BLANK_ROWS = 2;
const control = "w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

interface Props {
  action: FormAction;
  initial: {
    criteria: RatingCriterion[];
    starLevels: Record<string, RatingLevel>;
    changeDays: number;
    followupWorkingDays: number;
  };
}

/** The criteria rows to show: what was typed when the save was refused, else the saved list; then blank rows to add. */
function criteriaRows(initial: Props["initial"], values: Record<string, string> | undefined): RatingCriterion[] {
  const keys = values?.criterionKey.split("\n") ?? [];
  const typed = values?.criterionLabel.split("\n").map((label, i) => ({ key: keys[i] ?? "", label }));
  const rows = typed ?? initial.criteria;
  const filled = rows.filter((r) => r.label || r.key);
  return [...filled, ...Array.from({ length: BLANK_ROWS }, () => ({ key: "", label: "" }))];
}

export function RatingSettingsForm({ action, initial }: Props) {
  const m = useTranslations();
  const { state, formAction: run, errors: e, field } = useForm(action);
  const t = useTranslations("ratings.settings");
  const star = (s: string) => state.values?.[`star${s}`] ?? initial.starLevels[s] ?? "dissatisfied";
  const rows = criteriaRows(initial, state.values);
  return (
    <form action={run} className="flex flex-col gap-6" data-testid="rating-settings-form">
      {state.message ? (
        <Alert tone={state.ok ? "success" : "error"}>{state.ok ? t("saved") : state.message}</Alert>
      ) : null}
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold">{t("criteria")}</legend>
        <p className="mb-2 text-sm text-slate-700">{t("criteriaHelp")}</p>
        <FieldError error={e.criteria} className="mb-2 font-semibold" />
        <Table variant="plain">
          <THead plain>
            <Th className="px-2 py-1">{t("criterionKey")}</Th>
            <Th className="px-2 py-1">{t("criterionLabel")}</Th>
          </THead>
          <tbody>
            {rows.map((c, i) => (
              <Tr key={`${i}-${c.key}`}>
                <Td className="px-2 py-1 font-mono text-xs text-slate-700">
                  {c.key || t("newCriterion")}
                  <input type="hidden" name="criterionKey" value={c.key} />
                </Td>
                <Td className="px-2 py-1">
                  <input
                    name="criterionLabel"
                    defaultValue={c.label}
                    maxLength={120}
                    aria-label={`${t("criterionLabel")} ${i + 1}`}
                    className={control}
                  />
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </fieldset>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold">{t("stars")}</legend>
        <div className="grid gap-3 sm:grid-cols-5">
          {STARS.map((s) => (
            <SelectField
              key={s}
              name={`star${s}`}
              label={t("starsLabel", { n: Number(s) })}
              defaultValue={star(s)}
              error={e[`star${s}`]}
              options={LEVELS.map((l) => ({ value: l, label: m(`ratings.levels.${l}`) }))}
            />
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField {...field("changeDays", initial.changeDays)} type="number" label={t("changeDays")} />
        <InputField
          {...field("followupWorkingDays", initial.followupWorkingDays)}
          type="number"
          label={t("followupWorkingDays")}
        />
      </div>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
