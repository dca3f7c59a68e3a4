"use client";
import { useMessages, useTranslations } from "next-intl";
import { CheckboxField, InputField, optionsOf, SelectField } from "@/components/ui/field";
import { type FormAction, FormShell, sideCard, useForm } from "@/components/ui/form";

interface StaffFormProps {
  action: FormAction;
  units: { id: number; name: string }[];
  initial?: {
    id: number;
    username: string;
    fullName: string;
    email: string | null;
    phone: string | null;
    role: string;
    unitId: number;
    active: boolean;
  };
}

export function StaffForm({ action, units, initial }: StaffFormProps) {
  const m = useTranslations();
  const messages = useMessages();
  const form = useForm(action);
  const { field, values: v } = form;
  const roles = optionsOf(messages.roles);
  const unitOptions = units.map((u) => ({ value: String(u.id), label: u.name }));
  return (
    <FormShell form={form} resetOnSave submit={m("common.save")} pending={m("common.saving")}>
      {initial ? (
        <input type="hidden" name="id" value={initial.id} />
      ) : (
        <>
          <InputField {...field("username")} label={m("staff.username")} required autoComplete="off" />
          <InputField
            {...field("password")}
            type="password"
            label={m("staff.password")}
            required
            autoComplete="new-password"
            hint={m("account.hint")}
          />
        </>
      )}
      <InputField {...field("fullName", initial?.fullName)} label={m("staff.fullName")} required />
      <InputField {...field("email", initial?.email)} type="email" label={m("staff.email")} />
      <InputField {...field("phone", initial?.phone)} type="tel" label={m("staff.phone")} />
      <SelectField {...field("role", initial?.role ?? "receptionist")} label={m("staff.role")} options={roles} />
      <SelectField
        {...field("unitId", initial?.unitId ?? units[0]?.id)}
        label={m("staff.unit")}
        options={unitOptions}
      />
      {initial ? (
        <CheckboxField
          name="active"
          label={m("staff.activeLabel")}
          defaultChecked={v.role ? v.active === "on" : initial.active}
          error={form.errors.active}
        />
      ) : null}
    </FormShell>
  );
}

export function ResetPasswordForm({ id, action }: { id: number; action: FormAction }) {
  const m = useTranslations();
  const form = useForm(action);
  return (
    <FormShell form={form} {...sideCard} submit={m("staff.resetPassword")} pending={m("common.saving")}>
      <input type="hidden" name="id" value={id} />
      <InputField
        name="password"
        type="password"
        label={m("staff.newPassword")}
        required
        autoComplete="new-password"
        hint={m("account.hint")}
        error={form.errors.password}
      />
    </FormShell>
  );
}
