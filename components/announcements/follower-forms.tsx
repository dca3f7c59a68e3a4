"use client";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";
import { InlineAction } from "@/components/ui/inline-action";

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
  const form = useForm(addAction);
  const tag = form.field("tag");
  return (
    <div className="space-y-2">
      <ul className="flex flex-wrap gap-2" data-testid="follower-tags">
        {tags.map((name) => (
          <li key={name} className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-3 pr-1 text-sm">
            <span className="whitespace-nowrap">{name}</span>
            <InlineAction
              action={removeAction}
              fields={{ followerId, tag: name }}
              label="×"
              ariaLabel={t("removeTag", { tag: name })}
              size="icon"
            />
          </li>
        ))}
      </ul>
      <FormShell form={form} className="flex flex-wrap items-start gap-2" submit={label} variant="secondary" errorsOnly>
        <input type="hidden" name="followerId" value={followerId} />
        <div className="flex flex-col gap-1">
          <input
            id="follower-tag"
            name={tag.name}
            defaultValue={tag.defaultValue}
            required
            maxLength={50}
            aria-label={label}
            aria-invalid={tag.error ? true : undefined}
            aria-describedby={tag.error ? "follower-tag-error" : undefined}
            className="rounded-md border border-slate-400 px-3 py-2 text-sm aria-[invalid=true]:border-red-600"
          />
          <FieldError id="follower-tag-error" error={tag.error} />
        </div>
      </FormShell>
    </div>
  );
}
