"use client";
import { useTranslations } from "next-intl";

import { useActionState } from "react";
import type { FormState } from "@/lib/auth/form-action";

export function FollowupForm({
  followup,
  assignees,
  action,
}: {
  followup: { id: number; assigneeId: number | null; actionTaken: string | null; closed: boolean };
  assignees: { id: number; fullName: string }[];
  action: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  const m = useTranslations("ratings.followups");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const id = `f${followup.id}`;
  return (
    <form action={formAction} className="mt-3 grid gap-2 sm:grid-cols-2">
      <input type="hidden" name="id" value={followup.id} />
      <label className="flex flex-col text-sm" htmlFor={`${id}-assignee`}>
        {m("assignee")}
        <select
          id={`${id}-assignee`}
          name="assigneeId"
          defaultValue={v.assigneeId ?? String(followup.assigneeId ?? "")}
          className="rounded-md border border-slate-400 px-2 py-1"
        >
          <option value="">—</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.fullName}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm sm:col-span-2" htmlFor={`${id}-action`}>
        {m("action")}
        <textarea
          id={`${id}-action`}
          name="actionTaken"
          rows={2}
          defaultValue={v.actionTaken ?? followup.actionTaken ?? ""}
          className="rounded-md border border-slate-400 px-2 py-1"
        />
        {state.fieldErrors?.actionTaken ? <span className="text-red-700">{state.fieldErrors.actionTaken}</span> : null}
      </label>
      <label className="flex flex-col text-sm sm:col-span-2" htmlFor={`${id}-answer`}>
        {m("answer")}
        <textarea
          id={`${id}-answer`}
          name="answer"
          rows={2}
          defaultValue={v.answer ?? ""}
          className="rounded-md border border-slate-400 px-2 py-1"
        />
      </label>
      {!followup.closed ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="close" defaultChecked={v.close === "on"} /> {m("close")}
        </label>
      ) : null}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1 text-sm font-semibold text-white disabled:bg-slate-400"
        >
          {m("save")}
        </button>
        {state.message ? (
          <span
            role={state.ok ? "status" : "alert"}
            className={state.ok ? "text-sm text-green-800" : "text-sm text-red-700"}
          >
            {state.message}
          </span>
        ) : null}
      </div>
    </form>
  );
}
