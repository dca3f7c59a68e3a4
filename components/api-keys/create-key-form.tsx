"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FieldError, InputField, SelectField } from "@/components/ui/field";
import { FormShell, useForm } from "@/components/ui/form";
import type { ApiKeyFormState } from "./types";

interface CreateKeyFormProps {
  action: (prev: ApiKeyFormState, fd: FormData) => Promise<ApiKeyFormState>;
  units: { id: number; name: string }[];
}

export function CreateApiKeyForm({ action, units }: CreateKeyFormProps) {
  const m = useTranslations();
  const form = useForm(action);
  const { state, field } = form;
  return (
    <div className="flex flex-col gap-4">
      {state.createdKey ? <CreatedKey apiKey={state.createdKey} /> : null}
      <FormShell
        form={form}
        key={state.createdKey ?? "editing"}
        errorsOnly
        submit={m("api.keys.create")}
        pending={m("api.keys.creating")}
      >
        <InputField
          {...field("name")}
          label={m("api.keys.name")}
          hint={m("api.keys.nameHint")}
          required
          maxLength={100}
          autoComplete="off"
        />
        <SelectField
          {...field("unitId", units[0]?.id)}
          label={m("api.keys.unit")}
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <fieldset className="md:col-span-2">
          <legend className="text-sm font-semibold text-slate-800">{m("api.keys.scopes")}</legend>
          <label className="mt-1 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="scopes"
              value="statistics.read"
              defaultChecked={form.values.scopes === "statistics.read"}
              className="h-4 w-4 accent-brand-600"
            />
            {m("api.keys.scopeStatistics")}
          </label>
          <FieldError error={form.errors.scopes} />
        </fieldset>
      </FormShell>
    </div>
  );
}

function CreatedKey({ apiKey }: { apiKey: string }) {
  const m = useTranslations();
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success" title={m("api.keys.createdTitle")}>
      <p className="mb-2">{m("api.keys.createdOnce")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="created-api-key"
          className="select-all break-all rounded bg-white px-2 py-1 font-mono text-sm text-slate-900"
        >
          {apiKey}
        </code>
        <button
          type="button"
          className={
            "rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-semibold text-slate-900 " +
            "hover:bg-slate-100"
          }
          onClick={() =>
            navigator.clipboard?.writeText(apiKey).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? m("api.keys.copied") : m("api.keys.copy")}
        </button>
      </div>
    </Alert>
  );
}
