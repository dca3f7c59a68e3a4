"use client";
import { useMessages, useTranslations } from "next-intl";
import { CheckboxField, InputField, optionsOf, SelectField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";

interface UnitFormProps {
  action: FormAction;
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
  const form = useForm(action);
  const { field, values: v } = form;
  const kinds = optionsOf(messages.unitKinds);
  const parentOptions = [
    { value: "", label: m("units.noParent") },
    ...parents.map((p) => ({ value: String(p.id), label: `${"— ".repeat(p.depth)}${p.name}` })),
  ];
  return (
    <FormShell form={form} resetOnSave submit={m("common.save")} pending={m("common.saving")}>
      {initial ? <input type="hidden" name="id" value={initial.id} /> : null}
      <InputField {...field("name", initial?.name)} label={m("units.name")} required autoFocus={!!initial} />
      <SelectField {...field("kind", initial?.kind ?? "commune")} label={m("units.kind")} options={kinds} />
      <SelectField {...field("parentId", initial?.parentId || "")} label={m("units.parent")} options={parentOptions} />
      <InputField {...field("address", initial?.address)} label={m("units.address")} />
      <InputField {...field("hotline", initial?.hotline)} label={m("desk.lookup.hotline")} type="tel" />
      <InputField {...field("code", initial?.code)} label={m("units.code")} hint={m("units.codeHint")} />
      <InputField
        {...field("codeValidFrom")}
        inputMode="numeric"
        placeholder={m("desk.dateHint")}
        label={m("units.codeValidFrom")}
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
    </FormShell>
  );
}
