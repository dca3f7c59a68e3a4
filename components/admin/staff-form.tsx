"use client";
import { useMessages, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxField, InputField, SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";

interface StaffFormProps {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
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
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const roles = (Object.entries(messages.roles) as [string, string][]).map(([value, label]) => ({ value, label }));
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
      {initial ? (
        <input type="hidden" name="id" value={initial.id} />
      ) : (
        <>
          <InputField
            name="username"
            label={m("staff.username")}
            required
            autoComplete="off"
            defaultValue={v.username ?? ""}
            error={e.username}
          />
          <InputField
            name="password"
            type="password"
            label={m("staff.password")}
            required
            autoComplete="new-password"
            hint={m("account.hint")}
            error={e.password}
          />
        </>
      )}
      <InputField
        name="fullName"
        label={m("staff.fullName")}
        required
        defaultValue={v.fullName ?? initial?.fullName ?? ""}
        error={e.fullName}
      />
      <InputField
        name="email"
        type="email"
        label={m("staff.email")}
        defaultValue={v.email ?? initial?.email ?? ""}
        error={e.email}
      />
      <InputField
        name="phone"
        type="tel"
        label={m("staff.phone")}
        defaultValue={v.phone ?? initial?.phone ?? ""}
        error={e.phone}
      />
      <SelectField
        name="role"
        label={m("staff.role")}
        options={roles}
        defaultValue={v.role ?? initial?.role ?? "receptionist"}
        error={e.role}
      />
      <SelectField
        name="unitId"
        label={m("staff.unit")}
        options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        defaultValue={v.unitId ?? String(initial?.unitId ?? units[0]?.id ?? "")}
        error={e.unitId}
      />
      {initial ? (
        <CheckboxField
          name="active"
          label={m("staff.activeLabel")}
          defaultChecked={v.role ? v.active === "on" : initial.active}
          error={e.active}
        />
      ) : null}
      <div className="md:col-span-2">
        <SubmitButton pendingLabel={m("common.saving")}>{m("common.save")}</SubmitButton>
      </div>
    </form>
  );
}

export function ResetPasswordForm({
  id,
  action,
}: {
  id: number;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const m = useTranslations();
  const [state, formAction] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
      key={state.ok ? "done" : "editing"}
    >
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      <input type="hidden" name="id" value={id} />
      <InputField
        name="password"
        type="password"
        label={m("staff.newPassword")}
        required
        autoComplete="new-password"
        hint={m("account.hint")}
        error={state.fieldErrors?.password}
      />
      <div>
        <SubmitButton variant="secondary" pendingLabel={m("common.saving")}>
          {m("staff.resetPassword")}
        </SubmitButton>
      </div>
    </form>
  );
}
