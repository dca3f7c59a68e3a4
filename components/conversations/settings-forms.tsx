"use client";
import { useMessages, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form";
import type { ConversationCategory } from "@/db/schema";
import type { FormState } from "@/lib/http/form-action";

const control = "rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900";

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
  const [state, run] = useActionState(action, {});
  const typed = state.ok ? undefined : state.values;
  const e = state.fieldErrors ?? {};
  const categories = Object.keys(useMessages().conversations.categories) as ConversationCategory[];
  return (
    <form action={run} className="flex flex-col gap-4" data-testid="conversation-settings-form">
      <Status state={state} />
      <fieldset className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("admin.deadlines")}</legend>
        {categories.map((c) => (
          <InputField
            key={c}
            name={`deadlineDays.${c}`}
            type="number"
            min={0}
            max={90}
            label={t(`categories.${c}`)}
            defaultValue={typed?.[`deadlineDays.${c}`] ?? String(initial.deadlineDays[c] ?? 0)}
            error={e[`deadlineDays.${c}`]}
          />
        ))}
      </fieldset>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          name="allowPaidReplies"
          defaultChecked={typed ? typed.allowPaidReplies === "on" : initial.allowPaidReplies}
          className="mt-1 h-4 w-4 accent-brand-600"
        />
        {t("admin.allowPaid")}
      </label>
      <InputField
        name="zbsTemplateId"
        label={t("admin.zbsTemplate")}
        hint={t("admin.zbsHint")}
        inputMode="numeric"
        defaultValue={typed?.zbsTemplateId ?? initial.zbsTemplateId ?? ""}
        error={e.zbsTemplateId}
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
  const [state, run] = useActionState(action, {});
  // A new answer's form empties after saving; an edited one keeps what was saved.
  const typed = state.ok ? (initial ? undefined : {}) : state.values;
  const v = (k: "title" | "body" | "unitId") => typed?.[k] ?? (initial ? String(initial[k] ?? "") : "");
  const e = state.fieldErrors ?? {};
  const prefix = initial?.id ? `canned-${initial.id}` : "canned-new";
  return (
    <form action={run} className="flex flex-col gap-3" data-testid={prefix}>
      <Status state={state} />
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <InputField
        id={`${prefix}-title`}
        name="title"
        label={t("admin.cannedTitleField")}
        maxLength={120}
        defaultValue={v("title")}
        error={e.title}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${prefix}-unit`} className="text-sm font-semibold text-slate-800">
          {t("admin.cannedUnit")}
        </label>
        <select id={`${prefix}-unit`} name="unitId" defaultValue={v("unitId")} className={control}>
          {canShare ? <option value="">{t("admin.cannedShared")}</option> : null}
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        {e.unitId ? <p className="text-sm text-red-700">{e.unitId}</p> : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${prefix}-body`} className="text-sm font-semibold text-slate-800">
          {t("admin.cannedBody")}
        </label>
        <textarea
          id={`${prefix}-body`}
          name="body"
          rows={4}
          maxLength={2000}
          defaultValue={v("body")}
          aria-invalid={e.body ? true : undefined}
          className={control}
        />
        {e.body ? (
          <p role="alert" className="text-sm text-red-700">
            {e.body}
          </p>
        ) : null}
      </div>
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
  const [state, run] = useActionState(action, {});
  return (
    <form action={run} className="flex flex-col gap-2">
      {state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="id" value={id} />
      <div>
        <SubmitButton variant="danger" pendingLabel={t("admin.saving")}>
          {t("admin.cannedDelete")}
        </SubmitButton>
      </div>
    </form>
  );
}
