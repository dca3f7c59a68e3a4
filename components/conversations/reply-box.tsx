"use client";
import { useState } from "react";
import { CheckboxField, FieldShell, TextareaField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";
import type { ReplyZone } from "@/lib/conversations/window";

interface Labels {
  reply: string;
  replyPlaceholder: string;
  send: string;
  canned: string;
  cannedPick: string;
  confirmPaid: string;
  useTemplate: string;
}

const tones: Record<ReplyZone, string> = {
  free: "border-green-300 bg-green-50",
  paid: "border-amber-300 bg-amber-50",
  closed: "border-red-300 bg-red-50",
};

/**
 * The reply box: the window's state in words, canned answers already filled in, and the confirmations the window needs.
 */
export function ReplyBox({
  action,
  conversationId,
  zone,
  windowText,
  allowPaid,
  templateReady,
  canned,
  labels,
}: {
  action: FormAction;
  conversationId: number;
  zone: ReplyZone;
  windowText: string;
  allowPaid: boolean;
  templateReady: boolean;
  canned: { id: number; title: string; text: string }[];
  labels: Labels;
}) {
  const form = useForm(action);
  const { state, values, errors } = form;
  // The text is controlled (a canned answer fills it in): a refusal gives back what was typed, a sent reply empties it.
  const [text, setText] = useState("");
  const [lastState, setLastState] = useState(state);
  if (state !== lastState) {
    setLastState(state);
    setText(state.ok ? "" : (state.values?.text ?? text));
  }
  const disabled = (zone === "paid" && !allowPaid) || (zone === "closed" && !templateReady);
  return (
    <FormShell
      form={form}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      submit={labels.send}
      submitDisabled={disabled}
      allErrors
      heading={
        <p data-testid="reply-window" data-zone={zone} className={`rounded-md border px-3 py-2 text-sm ${tones[zone]}`}>
          {windowText}
        </p>
      }
    >
      <input type="hidden" name="conversationId" value={conversationId} />
      {canned.length ? (
        <FieldShell id="reply-canned" label={labels.canned}>
          {/* Not sent: picking an answer only fills in the reply. */}
          <select
            id="reply-canned"
            data-testid="canned-select"
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900"
            defaultValue=""
            onChange={(e) => {
              const found = canned.find((c) => String(c.id) === e.target.value);
              if (found) setText(found.text);
            }}
          >
            <option value="">{labels.cannedPick}</option>
            {canned.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </FieldShell>
      ) : null}
      <TextareaField
        name="text"
        id="reply-text"
        label={labels.reply}
        error={errors.text}
        rows={4}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={labels.replyPlaceholder}
      />
      {zone === "paid" && allowPaid ? (
        <CheckboxField
          name="confirmPaid"
          label={labels.confirmPaid}
          defaultChecked={values.confirmPaid === "on"}
          error={errors.confirmPaid}
        />
      ) : null}
      {zone === "closed" && templateReady ? (
        <CheckboxField
          name="useTemplate"
          label={labels.useTemplate}
          defaultChecked={values.useTemplate === "on"}
          error={errors.useTemplate}
        />
      ) : null}
    </FormShell>
  );
}
