"use client";
import type { FormAction } from "@/components/ui/form";
import { InlineAction } from "@/components/ui/inline-action";

export function RequeueButton({
  id,
  action,
  labels,
}: {
  id: number;
  action: FormAction;
  labels: { requeue: string; requeueing: string };
}) {
  return (
    <InlineAction
      action={action}
      fields={{ id }}
      label={labels.requeue}
      pendingLabel={labels.requeueing}
      layout="stacked"
    />
  );
}
