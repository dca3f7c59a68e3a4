"use client";
import { useMessages, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxField, InputField, SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";

interface UnitFormProps {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  parents: { id: number; name: string; depth: number }[];
  initial?: {
    id: number;
    name: string;
    kind: string;
    parentId: number | null;
    address: string | null;
    hotline?: string | null;
    code: string | null;
    active: boolean;
  };
}

export function UnitForm({ action, parents, initial }: UnitFormProps) {
  const m = useTranslations();
  const messages = useMessages();
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const kinds = (Object.entries(messages.unitKinds) as [string, string][]).map(([value, label]) => ({ value, label }));
  return (
    <form
      action={formAction}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-2"
      key={state.ok ? "saved" : "editing"}
    >
      {state.message ? (
        <div className="md:col-span-2">
          <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>
        </div>
      ) : null}
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <InputField
        name="name"
        label={m("units.name")}
        required
        defaultValue={v.name ?? initial?.name ?? ""}
        error={e.name}
        autoFocus={!!initial}
      />
      <SelectField
        name="kind"
        label={m("units.kind")}
        options={kinds}
        defaultValue={v.kind ?? initial?.kind ?? "commune"}
        error={e.kind}
      />
      <SelectField
        name="parentId"
        label={m("units.parent")}
        options={[
          { value: "", label: m("units.noParent") },
          ...parents.map((p) => ({ value: String(p.id), label: `${"— ".repeat(p.depth)}${p.name}` })),
        ]}
        defaultValue={v.parentId ?? (initial?.parentId ? String(initial.parentId) : "")}
        error={e.parentId}
      />
      <InputField
        name="address"
        label={m("units.address")}
        defaultValue={v.address ?? initial?.address ?? ""}
        error={e.address}
      />
      <InputField
        name="hotline"
        label={m("desk.lookup.hotline")}
        type="tel"
        defaultValue={v.hotline ?? initial?.hotline ?? ""}
        error={e.hotline}
      />
      <InputField
        name="code"
        label={m("units.code")}
        hint={m("units.codeHint")}
        defaultValue={v.code ?? initial?.code ?? ""}
        error={e.code}
      />
      <InputField
        name="codeValidFrom"
        inputMode="numeric"
        placeholder={m("desk.dateHint")}
        label={m("units.codeValidFrom")}
        defaultValue={v.codeValidFrom ?? ""}
        error={e.codeValidFrom}
      />
      {initial ? (
        <CheckboxField
          name="active"
          label={m("units.activeLabel")}
          defaultChecked={v.active ? v.active === "on" : initial.active}
        />
      ) : (
        <input type="hidden" name="active" value="on" />
      )}
      <div className="md:col-span-2">
        <SubmitButton pendingLabel={m("common.saving")}>{m("common.save")}</SubmitButton>
      </div>
    </form>
  );
}
