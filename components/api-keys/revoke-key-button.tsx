"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import type { FormAction } from "@/components/ui/form";

interface RevokeKeyButtonProps {
  id: number;
  label: string;
  action: FormAction;
}

export function RevokeApiKeyButton({ id, label, action }: RevokeKeyButtonProps) {
  const m = useTranslations();
  const [state, formAction] = useActionState(action, {});
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(m("api.keys.revokeConfirm"))) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton
        variant="danger"
        pendingLabel={m("api.keys.revoking")}
        aria-label={`${m("api.keys.revoke")} ${label}`}
      >
        {m("api.keys.revoke")}
      </SubmitButton>
      {state.message && !state.ok ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
