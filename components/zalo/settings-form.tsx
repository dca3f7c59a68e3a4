"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { FieldShell, InputField } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/form-action";

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

interface Initial {
  appId: string;
  oaId: string;
  appSecretSet: boolean;
  oaSecretKeySet: boolean;
  welcomeMessage: string;
}

/** App and OA details; secret fields are write-only and show "đã lưu" when a value is stored. */
export function ZaloSettingsForm({ action, initial }: { action: Action; initial: Initial }) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const z = useTranslations("zalo");
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
      <InputField
        name="appId"
        label={z("appId")}
        required
        autoComplete="off"
        defaultValue={v.appId ?? initial.appId}
        error={e.appId}
      />
      <InputField
        name="appSecret"
        type="password"
        label={z("appSecret")}
        autoComplete="new-password"
        required={!initial.appSecretSet}
        placeholder={initial.appSecretSet ? z("secretSaved") : z("secretNotSet")}
        hint={initial.appSecretSet ? z("secretSaved") : undefined}
        error={e.appSecret}
      />
      <InputField
        name="oaId"
        label={z("oaId")}
        required
        autoComplete="off"
        defaultValue={v.oaId ?? initial.oaId}
        error={e.oaId}
      />
      <InputField
        name="oaSecretKey"
        type="password"
        label={z("oaSecretKey")}
        autoComplete="new-password"
        required={!initial.oaSecretKeySet}
        placeholder={initial.oaSecretKeySet ? z("secretSaved") : z("secretNotSet")}
        hint={initial.oaSecretKeySet ? `${z("secretSaved")}. ${z("oaSecretKeyHint")}` : z("oaSecretKeyHint")}
        error={e.oaSecretKey}
      />
      <div className="md:col-span-2">
        <FieldShell id="f-welcomeMessage" label={z("welcomeMessage")} hint={z("welcomeHint")} error={e.welcomeMessage}>
          <textarea
            id="f-welcomeMessage"
            name="welcomeMessage"
            rows={4}
            maxLength={2000}
            defaultValue={v.welcomeMessage ?? initial.welcomeMessage}
            aria-invalid={e.welcomeMessage ? true : undefined}
            aria-describedby={e.welcomeMessage ? "f-welcomeMessage-error" : "f-welcomeMessage-hint"}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
          />
        </FieldShell>
      </div>
      <div className="md:col-span-2">
        <SubmitButton pendingLabel={z("saving")}>{z("save")}</SubmitButton>
      </div>
    </form>
  );
}

export function RefreshTokenForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, {});
  const z = useTranslations("zalo");
  return (
    <form
      action={formAction}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
      key={state.ok ? "saved" : "editing"}
    >
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      <InputField
        name="refreshToken"
        type="password"
        label={z("refreshToken")}
        autoComplete="off"
        required
        hint={z("refreshTokenHint")}
        error={state.fieldErrors?.refreshToken}
      />
      <div>
        <SubmitButton pendingLabel={z("saving")} variant="secondary">
          {z("saveRefreshToken")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** ZBS development mode for go-live checks (mode: "development" reaches only the OA's administrators). */
export function DevelopmentModeForm({ action, on }: { action: Action; on: boolean }) {
  const [state, formAction] = useActionState(action, {});
  const z = useTranslations("zalo");
  return (
    <form
      action={formAction}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6"
      data-testid="zbs-development-mode"
    >
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
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
      <div>
        <SubmitButton pendingLabel={z("saving")} variant="secondary">
          {z("devModeSave")}
        </SubmitButton>
      </div>
    </form>
  );
}
