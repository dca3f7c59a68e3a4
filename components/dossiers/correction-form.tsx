"use client";
import { useTranslations } from "next-intl";
import { FieldError, InputField } from "@/components/ui/field";
import { type BoundField, type FormAction, FormShell, useForm } from "@/components/ui/form";
import { PersonFields } from "./person-fields";

interface Initial {
  code: string;
  submitterName: string;
  submitterIdNumber: string;
  submitterPhone: string;
  submitterEmail: string;
  submitterAddress: string;
  ownerSameAsSubmitter: boolean;
  ownerName: string;
  ownerIdNumber: string;
  ownerPhone: string;
  ownerEmail: string;
  ownerAddress: string;
  authorizationDocument: string;
  components: string[];
  /** The procedure's documents, offered as ticks beside those already recorded. */
  procedureComponents: string[];
  setsCount: number;
  notes: string;
}

/** Corrects what was typed at the desk; saving issues a new receipt version. */
export function CorrectionForm({ initial, action }: { initial: Initial; action: FormAction }) {
  const m = useTranslations();
  const t = useTranslations("dossiers.intake");
  const t2 = useTranslations("desk.detail");
  const form = useForm(action);
  const { values: v, errors: e } = form;
  const field: BoundField = (name, fallback) =>
    form.field(name, fallback ?? (initial[name as keyof Initial] as string | number | undefined));
  const offered = [...new Set([...initial.procedureComponents, ...initial.components])];
  const ticked = new Set(form.state.values ? (v.components ?? "").split("\n") : initial.components);
  const fieldId = (name: string) => ({ ...field(name), id: `c-${name}` });
  return (
    <FormShell
      form={form}
      noValidate
      focusFirstError
      errorsOnly
      formError
      className="grid gap-3 rounded-md border border-slate-200 bg-white p-4 md:grid-cols-2"
      data-testid="correction-form"
      submit={m("dossiers.detail.correctSubmit")}
      pending={m("common.saving")}
    >
      <input type="hidden" name="code" value={initial.code} />
      <input type="hidden" name="ownerSameAsSubmitter" value={initial.ownerSameAsSubmitter ? "1" : "0"} />
      <PersonFields who="submitter" field={field} idPrefix="c-" />
      {initial.ownerSameAsSubmitter ? null : (
        <PersonFields who="owner" field={field} idPrefix="c-" labelPrefix={t("owner")} />
      )}
      <fieldset className="md:col-span-2" data-testid="correction-components">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t2("correctComponents")}</legend>
        <ul className="flex flex-col gap-2">
          {offered.map((c) => (
            <li key={c}>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="components"
                  value={c}
                  defaultChecked={ticked.has(c)}
                  className="mt-0.5 h-4 w-4 accent-brand-600"
                />
                <span>{c}</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError error={e.components} />
      </fieldset>
      <div className="md:col-span-2">
        <InputField id="c-otherComponent" name="components" label={t2("correctOther")} defaultValue="" />
      </div>
      <InputField {...fieldId("setsCount")} type="number" min={1} label={t("setsCount")} />
      <InputField {...fieldId("notes")} label={t("notes")} />
      <InputField {...fieldId("reason")} label={m("dossiers.detail.correctReason")} />
    </FormShell>
  );
}
