"use client";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/components/ui/form";
import { InlineAction } from "@/components/ui/inline-action";

interface RevokeKeyButtonProps {
  id: number;
  label: string;
  action: FormAction;
}

export function RevokeApiKeyButton({ id, label, action }: RevokeKeyButtonProps) {
  const m = useTranslations();
  return (
    <InlineAction
      action={action}
      fields={{ id }}
      label={m("api.keys.revoke")}
      pendingLabel={m("api.keys.revoking")}
      variant="danger"
      confirmText={m("api.keys.revokeConfirm")}
      ariaLabel={`${m("api.keys.revoke")} ${label}`}
      layout="stacked"
    />
  );
}
