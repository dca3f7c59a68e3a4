"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import type { FormAction } from "@/components/ui/form";

export function RequeueButton({
  id,
  action,
  labels,
}: {
  id: number;
  action: FormAction;
  labels: { requeue: string; requeueing: string };
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel={labels.requeueing}>
        {labels.requeue}
      </SubmitButton>
      {state.message ? (
        <span
          role={state.ok ? "status" : "alert"}
          className={`text-xs ${state.ok ? "text-green-800" : "text-red-800"}`}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
