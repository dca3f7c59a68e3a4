"use client";
import { useMessages, useTranslations } from "next-intl";
import { InputField, SelectField, TextareaField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";
import type { ConversationCategory } from "@/db/schema";

export interface SettingsInitial {
  deadlineDays: Record<ConversationCategory, number>;
  allowPaidReplies: boolean;
  zbsTemplateId: string | null;
}

export function ConversationSettingsForm({ initial, action }: { initial: SettingsInitial; action: FormAction }) {
  const t = useTranslations("conversations");
  const form = useForm(action);
  const { state, values: typed, field } = form;
  const categories = Object.keys(useMessages().conversations.categories) as ConversationCategory[];
  return (
    <FormShell
      form={form}
      allErrors
      className="flex flex-col gap-4"
      data-testid="conversation-settings-form"
      submit={t("admin.saveSettings")}
      pending={t("admin.saving")}
    >
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
    </FormShell>
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
  const form = useForm(action);
  const { field } = form;
  // A new answer's form empties after saving; an edited one keeps what was saved.
  const f = (k: "title" | "body" | "unitId") => ({
    ...field(k, initial?.[k]),
    id: `${prefix}-${k === "unitId" ? "unit" : k}`,
  });
  const unitOptions = units.map((u) => ({ value: String(u.id), label: u.name }));
  return (
    <FormShell
      form={form}
      allErrors
      className="flex flex-col gap-3"
      data-testid={prefix}
      submit={initial ? t("admin.cannedSave") : t("admin.cannedAdd")}
      pending={t("admin.saving")}
    >
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <InputField {...f("title")} label={t("admin.cannedTitleField")} maxLength={120} />
      <SelectField
        {...f("unitId")}
        label={t("admin.cannedUnit")}
        options={[...(canShare ? [{ value: "", label: t("admin.cannedShared") }] : []), ...unitOptions]}
      />
      <TextareaField {...f("body")} label={t("admin.cannedBody")} rows={4} maxLength={2000} />
    </FormShell>
  );
}
