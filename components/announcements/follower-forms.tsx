"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form";
import type { FormState } from "@/lib/auth/form-action";

function Message({ state }: { state: FormState }) {
  return <FieldError error={state.ok ? undefined : state.message} />;
}

export function TagForms({
  followerId,
  tags,
  label,
  addAction,
  removeAction,
}: {
  followerId: number;
  tags: string[];
  label: string;
  addAction: FormAction;
  removeAction: FormAction;
}) {
  const t = useTranslations("announcements");
  const [added, add] = useActionState(addAction, {});
  const [removed, remove] = useActionState(removeAction, {});
  return (
    <div className="space-y-2">
      <ul className="flex flex-wrap gap-2" data-testid="follower-tags">
        {tags.map((tag) => (
          <li key={tag}>
            <form action={remove} className="flex items-center gap-1 rounded-full bg-slate-100 px-3 py-1 text-sm">
              <input type="hidden" name="followerId" value={followerId} />
              <input type="hidden" name="tag" value={tag} />
              {tag}
              <button type="submit" aria-label={t("removeTag", { tag })} className="text-slate-500 hover:text-red-700">
                ×
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form action={add} className="flex items-center gap-2">
        <input type="hidden" name="followerId" value={followerId} />
        <input
          name="tag"
          required
          maxLength={50}
          aria-label={label}
          defaultValue={added.ok ? "" : added.values?.tag}
          className="rounded-md border border-slate-400 px-2 py-1 text-sm"
        />
        <SubmitButton variant="secondary">{label}</SubmitButton>
      </form>
      <Message state={added} />
      <Message state={removed} />
      <FieldError error={added.fieldErrors?.tag} />
    </div>
  );
}
