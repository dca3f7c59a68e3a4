"use client";
import { useMessages, useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import type { FormState } from "@/lib/auth/form-action";
import type { ProcedureOption } from "@/lib/procedures/search";
import { ProcedurePicker } from "./procedure-picker";

interface Props {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  /** Starting values, e.g. from a home-support registration (its id travels with the form to link the dossier). */
  initial?: { values: Record<string, string>; procedure: ProcedureOption | null; homeSupportId?: number };
}

function Tick({
  name,
  label,
  hint,
  checked,
  error,
}: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  error?: string;
}) {
  const id = `f-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex items-start gap-2 text-sm text-slate-900">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          className="mt-0.5 h-4 w-4 accent-brand-600"
        />
        <span>
          {label}
          {hint ? <span className="block text-xs text-slate-600">{hint}</span> : null}
        </span>
      </label>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Keyboard-first intake: the picker has focus, Tab follows the paper form, Enter saves. Nothing typed is lost on an
 * error.
 */
export function IntakeForm({ action, initial }: Props) {
  const m = useTranslations();
  const t = useTranslations("dossiers.intake");
  const messages = useMessages();
  const [state, formAction] = useActionState(action, {});
  const [procedure, setProcedure] = useState<ProcedureOption | null>(initial?.procedure ?? null);
  // The documents ticked live here, not in the form: a refused submit resets the form but must not untick them.
  const [received, setReceived] = useState<ReadonlySet<string>>(
    new Set(initial?.procedure?.components.map((c) => c.name) ?? []),
  );
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  const v = state.values ?? initial?.values ?? {};
  const e = state.fieldErrors ?? {};
  const [ownerSame, setOwnerSame] = useState(true);
  const ticked = (name: string) => v[name] === "on";
  const chooseProcedure = (p: ProcedureOption | null) => {
    setProcedure(p);
    setReceived(new Set(p?.components.map((c) => c.name) ?? []));
  };
  const toggle = (name: string, on: boolean) =>
    setReceived((prev) => {
      const next = new Set(prev);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  const noneReceived = procedure != null && procedure.components.length > 0 && received.size === 0;

  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-6" data-testid="intake-form">
      {state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}

      {initial?.homeSupportId ? <input type="hidden" name="homeSupportId" value={initial.homeSupportId} /> : null}
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <ProcedurePicker value={procedure} onChange={chooseProcedure} error={e.procedureId} />
        <input type="hidden" name="procedureId" value={procedure?.id ?? ""} />
      </section>

      <section
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 md:grid-cols-2"
        aria-labelledby="submitter-h"
      >
        <h2 id="submitter-h" className="text-lg font-semibold md:col-span-2">
          {t("submitter")}
        </h2>
        <InputField
          name="submitterName"
          label={t("name")}
          required
          autoComplete="off"
          defaultValue={v.submitterName ?? ""}
          error={e.submitterName}
        />
        <InputField
          name="submitterIdNumber"
          label={t("idNumber")}
          required
          inputMode="numeric"
          autoComplete="off"
          hint={t("idNumberHint")}
          defaultValue={v.submitterIdNumber ?? ""}
          error={e.submitterIdNumber}
        />
        <InputField
          name="submitterPhone"
          label={t("phone")}
          type="tel"
          autoComplete="off"
          hint={t("phoneHint")}
          defaultValue={v.submitterPhone ?? ""}
          error={e.submitterPhone}
        />
        <InputField
          name="submitterEmail"
          label={t("email")}
          type="email"
          autoComplete="off"
          defaultValue={v.submitterEmail ?? ""}
          error={e.submitterEmail}
        />
        <div className="md:col-span-2">
          <InputField
            name="submitterAddress"
            label={t("address")}
            autoComplete="off"
            defaultValue={v.submitterAddress ?? ""}
            error={e.submitterAddress}
          />
        </div>
      </section>

      <section
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 md:grid-cols-2"
        aria-labelledby="owner-h"
      >
        <h2 id="owner-h" className="text-lg font-semibold md:col-span-2">
          {t("owner")}
        </h2>
        <div className="md:col-span-2">
          <input type="hidden" name="ownerSameAsSubmitter" value="0" />
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="ownerSameAsSubmitter"
              checked={ownerSame}
              onChange={(ev) => setOwnerSame(ev.target.checked)}
              className="h-4 w-4 accent-brand-600"
            />
            {t("ownerSame")}
          </label>
        </div>
        {ownerSame ? null : (
          <>
            <p className="text-sm text-slate-700 md:col-span-2">{t("ownerAttorneyHint")}</p>
            <InputField
              name="ownerName"
              label={t("name")}
              required
              defaultValue={v.ownerName ?? ""}
              error={e.ownerName}
            />
            <InputField
              name="ownerIdNumber"
              label={t("idNumber")}
              required
              inputMode="numeric"
              defaultValue={v.ownerIdNumber ?? ""}
              error={e.ownerIdNumber}
            />
            <InputField
              name="ownerPhone"
              label={t("phone")}
              type="tel"
              defaultValue={v.ownerPhone ?? ""}
              error={e.ownerPhone}
            />
            <InputField
              name="ownerEmail"
              label={t("email")}
              type="email"
              defaultValue={v.ownerEmail ?? ""}
              error={e.ownerEmail}
            />
            <InputField
              name="ownerAddress"
              label={t("address")}
              defaultValue={v.ownerAddress ?? ""}
              error={e.ownerAddress}
            />
            <InputField
              name="authorizationDocument"
              label={t("authorizationDocument")}
              defaultValue={v.authorizationDocument ?? ""}
              error={e.authorizationDocument}
            />
          </>
        )}
      </section>

      <section
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 md:grid-cols-2"
        aria-labelledby="reception-h"
      >
        <h2 id="reception-h" className="text-lg font-semibold md:col-span-2">
          {t("reception")}
        </h2>
        <SelectField
          name="channel"
          label={t("channel")}
          options={(Object.entries(messages.dossiers.channels) as [string, string][]).map(([value, label]) => ({
            value,
            label,
          }))}
          defaultValue={v.channel ?? "direct"}
          error={e.channel}
        />
        <SelectField
          name="resultDelivery"
          label={t("resultDelivery")}
          options={(Object.entries(messages.dossiers.deliveries) as [string, string][]).map(([value, label]) => ({
            value,
            label,
          }))}
          defaultValue={v.resultDelivery ?? "counter"}
          error={e.resultDelivery}
        />
        <fieldset className="md:col-span-2">
          <legend className="mb-2 text-sm font-semibold text-slate-800">{t("components")}</legend>
          {procedure && procedure.components.length ? (
            <ul className="flex flex-col gap-2" data-testid="components">
              {procedure.components.map((c, i) => (
                <li key={`${procedure.id}-${i}`}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="components"
                      value={c.name}
                      defaultChecked={received.has(c.name)}
                      onChange={(ev) => toggle(c.name, ev.target.checked)}
                      className="mt-0.5 h-4 w-4 accent-brand-600"
                    />
                    <span>
                      {c.name}{" "}
                      <span className="text-slate-600">
                        ({t("copies", { n: c.copies })}
                        {c.original === true ? `, ${t("original")}` : c.original === false ? `, ${t("copy")}` : ""})
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("componentsEmpty")}</p>
          )}
          {noneReceived ? (
            <p
              role="alert"
              className="mt-2 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900"
              data-testid="no-components-warning"
            >
              {m("desk.intake.componentsNoneWarning")}
            </p>
          ) : null}
          {e.components ? (
            <p role="alert" className="text-sm text-red-700">
              {e.components}
            </p>
          ) : null}
        </fieldset>
        <InputField
          name="setsCount"
          label={t("setsCount")}
          type="number"
          min={1}
          max={100}
          defaultValue={v.setsCount ?? "1"}
          error={e.setsCount}
        />
        <InputField name="notes" label={t("notes")} defaultValue={v.notes ?? ""} error={e.notes} />
      </section>

      <section
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5"
        aria-labelledby="ticks-h"
      >
        <h2 id="ticks-h" className="text-lg font-semibold">
          {t("ticks")}
        </h2>
        <Tick
          name="notifyZalo"
          label={t("notifyZalo")}
          hint={m("privacy.consent.counter")}
          checked={ticked("notifyZalo")}
          error={e.notifyZalo}
        />
        <Tick name="notifySms" label={t("notifySms")} checked={ticked("notifySms")} error={e.notifySms} />
      </section>

      <div>
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
