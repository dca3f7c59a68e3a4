"use client";
import { useTranslations } from "next-intl";
import { InputField, TextareaField } from "@/components/ui/field";
import { type FormAction, FormShell, formCard, sideCard, useForm } from "@/components/ui/form";

interface Initial {
  appId: string;
  oaId: string;
  appSecretSet: boolean;
  oaSecretKeySet: boolean;
  welcomeMessage: string;
}

/** App and OA details; secret fields are write-only and show "đã lưu" when a value is stored. */
export function ZaloSettingsForm({ action, initial }: { action: FormAction; initial: Initial }) {
  const form = useForm(action);
  const z = useTranslations("zalo");
  const secret = (name: "appSecret" | "oaSecretKey", saved: boolean) => ({
    name,
    type: "password",
    label: z(name),
    autoComplete: "new-password",
    required: !saved,
    placeholder: saved ? z("secretSaved") : z("secretNotSet"),
    error: form.errors[name],
  });
  return (
    <FormShell form={form} resetOnSave submit={z("save")} pending={z("saving")}>
      <InputField {...form.field("appId", initial.appId)} label={z("appId")} required autoComplete="off" />
      <InputField
        {...secret("appSecret", initial.appSecretSet)}
        hint={initial.appSecretSet ? z("secretSaved") : undefined}
      />
      <InputField {...form.field("oaId", initial.oaId)} label={z("oaId")} required autoComplete="off" />
      <InputField
        {...secret("oaSecretKey", initial.oaSecretKeySet)}
        hint={initial.oaSecretKeySet ? `${z("secretSaved")}. ${z("oaSecretKeyHint")}` : z("oaSecretKeyHint")}
      />
      <div className="md:col-span-2">
        <TextareaField
          {...form.field("welcomeMessage", initial.welcomeMessage)}
          label={z("welcomeMessage")}
          hint={z("welcomeHint")}
          rows={4}
          maxLength={2000}
        />
      </div>
    </FormShell>
  );
}

export function RefreshTokenForm({ action }: { action: FormAction }) {
  const form = useForm(action);
  const z = useTranslations("zalo");
  return (
    <FormShell form={form} {...sideCard} submit={z("saveRefreshToken")} pending={z("saving")}>
      <InputField
        name="refreshToken"
        type="password"
        label={z("refreshToken")}
        autoComplete="off"
        required
        hint={z("refreshTokenHint")}
        error={form.errors.refreshToken}
      />
    </FormShell>
  );
}

/** ZBS development mode for go-live checks (mode: "development" reaches only the OA's administrators). */
export function DevelopmentModeForm({ action, on }: { action: FormAction; on: boolean }) {
  const form = useForm(action);
  const z = useTranslations("zalo");
  return (
    <FormShell
      form={form}
      className={`flex flex-col gap-3 ${formCard}`}
      data-testid="zbs-development-mode"
      variant="secondary"
      submit={z("devModeSave")}
      pending={z("saving")}
    >
      <label className="flex items-start gap-2 text-base">
        <input
          type="checkbox"
          name="developmentMode"
          defaultChecked={on}
          className="mt-1 h-4 w-4"
          aria-describedby="dev-mode-hint"
        />
        <span>{z("devModeLabel")}</span>
      </label>
      <p id="dev-mode-hint" className="text-xs text-slate-600">
        {z("devModeHint")}
      </p>
    </FormShell>
  );
}
