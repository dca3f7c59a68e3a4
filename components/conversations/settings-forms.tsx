"use client";
import { useMessages, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { InputField, SelectField, TextareaField } from "@/components/ui/field";
import { type FormAction, RecordButtonForm, useForm } from "@/components/ui/form";
import type { ConversationCategory } from "@/db/schema";
import type { FormState } from "@/lib/auth/form-action";

function Status({ state }: { state: FormState }) {
  if (!state.message) return null;
  const errors = Object.values(state.fieldErrors ?? {}).filter((e) => e !== state.message);
  return <Alert tone={state.ok ? "success" : "error"}>{[state.message, ...errors].join(" ")}</Alert>;
}

export interface SettingsInitial {
  deadlineDays: Record<ConversationCategory, number>;
  allowPaidReplies: boolean;
  zbsTemplateId: string | null;
}

export function ConversationSettingsForm({ initial, action }: { initial: SettingsInitial; action: FormAction }) {
  const t = useTranslations("conversations");
  const { state, formAction: run, values: typed, field } = useForm(action);
  const categories = Object.keys(useMessages().conversations.categories) as ConversationCategory[];
  return (
    <form action={run} className="flex flex-col gap-4" data-testid="conversation-settings-form">
      <Status state={state} />
      <fieldset className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("admin.deadlines")}</legend>
        {categories.map((c) => (
          <InputField
            key={c}
            {...field(`deadlineDays.${c}`, initial.deadlineDays[c] ?? 0)}
            type="number"
            min={0}
            max={90}
            label={t(`categories.${c}`)}
          />
        ))}
      </fieldset>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          name="allowPaidReplies"
          defaultChecked={state.values ? typed.allowPaidReplies === "on" : initial.allowPaidReplies}
          className="mt-1 h-4 w-4 accent-brand-600"
        />
        {t("admin.allowPaid")}
      </label>
      <InputField
        {...field("zbsTemplateId", initial.zbsTemplateId)}
        label={t("admin.zbsTemplate")}
        hint={t("admin.zbsHint")}
        inputMode="numeric"
      />
      <div>
        <SubmitButton pendingLabel={t("admin.saving")}>{t("admin.saveSettings")}</SubmitButton>
      </div>
    </form>
  );
}

export interface CannedInitial {
  id?: number;
  unitId: number | null;
  title: string;
  body: string;
}

export function CannedAnswerForm({
  units,
  canShare,
  initial,
  action,
}: {
  units: { id: number; name: string }[];
  canShare: boolean;
  initial?: CannedInitial;
  action: FormAction;
}) {
  const t = useTranslations("conversations");
  const prefix = initial?.id ? `canned-${initial.id}` : "canned-new";
  const { state, formAction: run, field } = useForm(action);
  // A new answer's form empties after saving; an edited one keeps what was saved.
  const f = (k: "title" | "body" | "unitId") => ({
    ...field(k, initial?.[k]),
    id: `${prefix}-${k === "unitId" ? "unit" : k}`,
  });
  const unitOptions = units.map((u) => ({ value: String(u.id), label: u.name }));
  return (
    <form action={run} className="flex flex-col gap-3" data-testid={prefix}>
      <Status state={state} />
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <InputField {...f("title")} label={t("admin.cannedTitleField")} maxLength={120} />
      <SelectField
        {...f("unitId")}
        label={t("admin.cannedUnit")}
        options={[...(canShare ? [{ value: "", label: t("admin.cannedShared") }] : []), ...unitOptions]}
      />
      <TextareaField {...f("body")} label={t("admin.cannedBody")} rows={4} maxLength={2000} />
      <div>
        <SubmitButton pendingLabel={t("admin.saving")}>
          {initial ? t("admin.cannedSave") : t("admin.cannedAdd")}
        </SubmitButton>
      </div>
    </form>
  );
}

export function DeleteCannedForm({ id, action }: { id: number; action: FormAction }) {
  const t = useTranslations("conversations");
  return (
    <RecordButtonForm
      action={action}
      id={id}
      variant="danger"
      submit={t("admin.cannedDelete")}
      pending={t("admin.saving")}
    />
  );
}
