"use client";
import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import type { FormAction } from "@/components/ui/form";
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
  const [state, formAction] = useActionState(action, {});
  const [text, setText] = useState("");
  const [lastValues, setLastValues] = useState(state.values);
  // A refused reply comes back with what was typed: show it again instead of losing it.
  if (state.values !== lastValues) {
    setLastValues(state.values);
    setText(state.ok ? "" : (state.values?.text ?? text));
  }
  const tone =
    zone === "free"
      ? "border-green-300 bg-green-50"
      : zone === "paid"
        ? "border-amber-300 bg-amber-50"
        : "border-red-300 bg-red-50";
  const disabled = (zone === "paid" && !allowPaid) || (zone === "closed" && !templateReady);
  return (
    <form action={formAction} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="conversationId" value={conversationId} />
      <p data-testid="reply-window" data-zone={zone} className={`rounded-md border px-3 py-2 text-sm ${tone}`}>
        {windowText}
      </p>
      {canned.length ? (
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {labels.canned}
          <select
            data-testid="canned-select"
            className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm font-normal"
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
        </label>
      ) : null}
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {labels.reply}
        <textarea
          name="text"
          rows={4}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={labels.replyPlaceholder}
          className="rounded-md border border-slate-400 px-3 py-2 font-normal"
        />
      </label>
      {zone === "paid" && allowPaid ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="confirmPaid" /> {labels.confirmPaid}
        </label>
      ) : null}
      {zone === "closed" && templateReady ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="useTemplate" /> {labels.useTemplate}
        </label>
      ) : null}
      <div>
        <SubmitButton disabled={disabled}>{labels.send}</SubmitButton>
      </div>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
          {state.message} {Object.values(state.fieldErrors ?? {}).join(" ")}
        </p>
      ) : null}
    </form>
  );
}
