"use client";
import { useMessages, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { FieldShell, optionsOf, SelectField } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form";

/** A note or a call with its outcome; a refused note keeps what was typed. */
export function NoteForm({ id, action }: { id: number; action: FormAction }) {
  const m = useTranslations();
  const t = useTranslations("homeSupport.ui");
  const messages = useMessages();
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const [kind, setKind] = useState(v.kind ?? "call");
  return (
    <form action={formAction} className="flex flex-col gap-3" data-testid="note-form">
      {state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="kind"
          label={t("noteKind")}
          value={kind}
          onChange={(ev) => setKind(ev.target.value)}
          options={optionsOf(t.raw("noteKinds"))}
        />
        {kind === "call" ? (
          <SelectField
            name="outcome"
            label={t("outcome")}
            defaultValue={v.outcome ?? ""}
            error={e.outcome}
            options={[{ value: "", label: "—" }, ...optionsOf(messages.homeSupport.callOutcomes)]}
          />
        ) : null}
      </div>
      <FieldShell id="note-body" label={t("noteBody")} error={e.body} required>
        <textarea
          id="note-body"
          name="body"
          rows={3}
          defaultValue={v.body ?? ""}
          className="rounded-md border border-slate-400 px-3 py-2"
        />
      </FieldShell>
      <div>
        <SubmitButton pendingLabel={t("saving")}>{t("addNote")}</SubmitButton>
      </div>
    </form>
  );
}
