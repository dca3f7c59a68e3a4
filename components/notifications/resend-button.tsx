"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/auth/form-action";
import { resendNotificationAction } from "./actions";

/** One-click re-send of a permanently failed notification (notifications.resend, checked on the server). */
export function ResendButton({ id }: { id: number }) {
  const m = useTranslations();
  const [state, action] = useActionState<FormState, FormData>(resendNotificationAction, {});
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel={m("notifications.resending")} data-testid={`resend-${id}`}>
        {m("notifications.resend")}
      </SubmitButton>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
