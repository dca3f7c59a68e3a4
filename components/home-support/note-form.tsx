"use client";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { FieldShell, SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/http/form-action";
import type { Messages } from "@/lib/i18n";

/** A note or a call with its outcome; a refused note keeps what was typed. */
export function NoteForm({
  m,
  id,
  action,
}: {
  m: Messages;
  id: number;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const t = m.homeSupport.ui;
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
          label={t.noteKind}
          value={kind}
          onChange={(ev) => setKind(ev.target.value)}
          options={Object.entries(t.noteKinds).map(([value, label]) => ({ value, label }))}
        />
        {kind === "call" ? (
          <SelectField
            name="outcome"
            label={t.outcome}
            defaultValue={v.outcome ?? ""}
            error={e.outcome}
            options={[
              { value: "", label: "—" },
              ...Object.entries(m.homeSupport.callOutcomes).map(([value, label]) => ({ value, label })),
            ]}
          />
        ) : null}
      </div>
      <FieldShell id="note-body" label={t.noteBody} error={e.body} required>
        <textarea
          id="note-body"
          name="body"
          rows={3}
          defaultValue={v.body ?? ""}
          className="rounded-md border border-slate-400 px-3 py-2"
        />
      </FieldShell>
      <div>
        <SubmitButton pendingLabel={t.saving}>{t.addNote}</SubmitButton>
      </div>
    </form>
  );
}
