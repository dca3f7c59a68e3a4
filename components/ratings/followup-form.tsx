"use client";
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField, TextareaField } from "@/components/ui/field";
import { type FormAction, FormShell, useForm } from "@/components/ui/form";

export function FollowupForm({
  followup,
  assignees,
  action,
}: {
  followup: { id: number; assigneeId: number | null; actionTaken: string | null; closed: boolean };
  assignees: { id: number; fullName: string }[];
  action: FormAction;
}) {
  const m = useTranslations("ratings.followups");
  const form = useForm(action);
  const { field } = form;
  // Every follow-up on the page has its own form: the ids say which.
  const id = `f${followup.id}`;
  const options = [{ value: "", label: "—" }, ...assignees.map((a) => ({ value: String(a.id), label: a.fullName }))];
  return (
    <FormShell form={form} className="mt-3 grid gap-3 md:grid-cols-2" submit={m("save")}>
      <input type="hidden" name="id" value={followup.id} />
      <SelectField
        {...field("assigneeId", followup.assigneeId)}
        id={`${id}-assignee`}
        label={m("assignee")}
        options={options}
      />
      <div className="md:col-span-2">
        <TextareaField
          {...field("actionTaken", followup.actionTaken)}
          id={`${id}-action`}
          label={m("action")}
          rows={2}
        />
      </div>
      <div className="md:col-span-2">
        <TextareaField {...field("answer")} id={`${id}-answer`} label={m("answer")} rows={2} />
      </div>
      {!followup.closed ? (
        <CheckboxField name="close" id={`${id}-close`} label={m("close")} defaultChecked={form.values.close === "on"} />
      ) : null}
    </FormShell>
  );
}
