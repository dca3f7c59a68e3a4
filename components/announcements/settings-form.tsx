"use client";
import { useActionState } from "react";
import { saveSettingsAction } from "@/app/(staff)/announcements/settings/actions";
import { SubmitButton } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import type { FormState } from "@/lib/http/form-action";

export interface SettingsValues {
  monthlyCap: number;
  dailyCap: number;
  quietStartHour: number;
  quietEndHour: number;
  beyondWindow: string;
  zbsTemplateId: string | null;
}

export function AnnouncementSettingsForm({ initial }: { initial: SettingsValues }) {
  const [state, run] = useActionState<FormState, FormData>(saveSettingsAction, {});
  const v = (k: keyof SettingsValues) => state.values?.[k] ?? String(initial[k] ?? "");
  const e = state.fieldErrors ?? {};
  return (
    <form action={run} className="grid max-w-xl gap-4">
      <InputField name="monthlyCap" type="number" label="Số tin tối đa mỗi người mỗi tháng (theo gói OA)" defaultValue={v("monthlyCap")} error={e.monthlyCap} />
      <InputField name="dailyCap" type="number" label="Số tin tối đa mỗi người mỗi ngày" defaultValue={v("dailyCap")} error={e.dailyCap} />
      <InputField name="quietStartHour" type="number" label="Giờ bắt đầu nghỉ đêm (không gửi)" defaultValue={v("quietStartHour")} error={e.quietStartHour} hint="Giờ bắt đầu bằng giờ kết thúc: không có giờ nghỉ." />
      <InputField name="quietEndHour" type="number" label="Giờ kết thúc nghỉ đêm" defaultValue={v("quietEndHour")} error={e.quietEndHour} />
      <SelectField name="beyondWindow" label="Người quá 48 giờ chưa tương tác (gửi theo nhóm)" defaultValue={v("beyondWindow")} error={e.beyondWindow} options={[{ value: "skip", label: "Bỏ qua" }, { value: "zbs", label: "Gửi tin mẫu ZBS theo Zalo ID" }]} />
      <InputField name="zbsTemplateId" label="Mã mẫu ZBS cho tin tuyên truyền" defaultValue={v("zbsTemplateId")} error={e.zbsTemplateId} />
      <SubmitButton>Lưu</SubmitButton>
      {state.message ? <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-green-800" : "text-red-700"}>{state.message}</p> : null}
    </form>
  );
}
