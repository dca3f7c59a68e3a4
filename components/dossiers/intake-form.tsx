"use client";
import { useMessages, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { CheckboxField, FieldError, InputField, optionsOf, SelectField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";
import { Section } from "@/components/ui/section";
import type { ProcedureOption } from "@/lib/procedures/search";
import { PersonFields } from "./person-fields";
import { ProcedurePicker } from "./procedure-picker";

interface Props {
  action: FormAction;
  /** Starting values, e.g. from a home-support registration (its id travels with the form to link the dossier). */
  initial?: { values: Record<string, string>; procedure: ProcedureOption | null; homeSupportId?: number };
}

/** A card of the paper form: two columns, its heading across both. */
function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Section id={id} title={title} className={`grid gap-4 ${card} md:grid-cols-2`} titleClassName={wideTitle}>
      {children}
    </Section>
  );
}
const card = "rounded-lg border border-slate-200 bg-white p-5";
const wideTitle = "text-lg font-semibold md:col-span-2";

/**
 * Keyboard-first intake: the picker has focus, Tab follows the paper form, Enter saves. Nothing typed is lost on an
 * error.
 */
export function IntakeForm({ action, initial }: Props) {
  const m = useTranslations();
  const t = useTranslations("dossiers.intake");
  const messages = useMessages();
  const form = useForm(action, initial?.values);
  const { field, values: v, errors: e } = form;
  const [procedure, setProcedure] = useState<ProcedureOption | null>(initial?.procedure ?? null);
  // The documents ticked live here, not in the form: a refused submit resets the form but must not untick them.
  const [received, setReceived] = useState<ReadonlySet<string>>(
    new Set(initial?.procedure?.components.map((c) => c.name) ?? []),
  );
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
    <FormShell
      form={form}
      errorsOnly
      noValidate
      focusFirstError
      className="flex flex-col gap-6"
      data-testid="intake-form"
      submit={t("submit")}
      pending={t("submitting")}
    >
      {initial?.homeSupportId ? <input type="hidden" name="homeSupportId" value={initial.homeSupportId} /> : null}
      <section className={card}>
        <ProcedurePicker value={procedure} onChange={chooseProcedure} error={e.procedureId} />
        <input type="hidden" name="procedureId" value={procedure?.id ?? ""} />
      </section>

      <Card id="submitter-h" title={t("submitter")}>
        <PersonFields who="submitter" field={field} desk />
      </Card>

      <Card id="owner-h" title={t("owner")}>
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
            <PersonFields who="owner" field={field} desk />
          </>
        )}
      </Card>

      <Card id="reception-h" title={t("reception")}>
        <SelectField
          {...field("channel", "direct")}
          label={t("channel")}
          options={optionsOf(messages.dossiers.channels)}
        />
        <SelectField
          {...field("resultDelivery", "counter")}
          label={t("resultDelivery")}
          options={optionsOf(messages.dossiers.deliveries)}
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
          <FieldError error={e.components} />
        </fieldset>
        <InputField {...field("setsCount", 1)} label={t("setsCount")} type="number" min={1} max={100} />
        <InputField {...field("notes")} label={t("notes")} />
      </Card>

      <Section id="ticks-h" title={t("ticks")} className={`flex flex-col gap-3 ${card}`}>
        <CheckboxField
          name="notifyZalo"
          label={t("notifyZalo")}
          hint={m("privacy.consent.counter")}
          defaultChecked={ticked("notifyZalo")}
          error={e.notifyZalo}
        />
        <CheckboxField
          name="notifySms"
          label={t("notifySms")}
          defaultChecked={ticked("notifySms")}
          error={e.notifySms}
        />
      </Section>
    </FormShell>
  );
}
