"use client";
import { useMessages, useTranslations } from "next-intl";
import { useState } from "react";
import { optionsOf, SelectField, TextareaField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";

/** A note or a call with its outcome; a refused note keeps what was typed. */
export function NoteForm({ id, action }: { id: number; action: FormAction }) {
  const t = useTranslations("homeSupport.ui");
  const messages = useMessages();
  const form = useForm(action);
  const { field } = form;
  const [kind, setKind] = useState(form.values.kind ?? "call");
  return (
    <FormShell
      form={form}
      errorsOnly
      noValidate
      className="flex flex-col gap-3"
      data-testid="note-form"
      submit={t("addNote")}
      pending={t("saving")}
    >
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
            {...field("outcome")}
            label={t("outcome")}
            options={[{ value: "", label: "—" }, ...optionsOf(messages.homeSupport.callOutcomes)]}
          />
        ) : null}
      </div>
      <TextareaField {...field("body")} id="note-body" label={t("noteBody")} required rows={3} />
    </FormShell>
  );
}
