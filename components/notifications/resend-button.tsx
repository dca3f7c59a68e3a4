"use client";
import { useTranslations } from "next-intl";
import { InlineAction } from "@/components/ui/inline-action";
import { resendNotificationAction } from "./actions";

/** One-click re-send of a permanently failed notification (notifications.resend, checked on the server). */
export function ResendButton({ id }: { id: number }) {
  const m = useTranslations();
  return (
    <InlineAction
      action={resendNotificationAction}
      fields={{ id }}
      label={m("notifications.resend")}
      pendingLabel={m("notifications.resending")}
      layout="stacked"
      testId={`resend-${id}`}
    />
  );
}
