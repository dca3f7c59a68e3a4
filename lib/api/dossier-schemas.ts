import { z } from "zod";
import { dossierChannels, dossierStatuses, resultDeliveries } from "@/db/schema/dossiers";
import { transitionTargets } from "@/lib/dossiers/lifecycle";
import { type MessageRef, msg, ref } from "@/lib/i18n/translate";

/*
 * The JSON shapes of /api/v1. They check types only (so a wrong type is named by its JSON path); the
 * rules — phone, CCCD, ticks, procedure — are the dossier service's own, exactly as for the intake form.
 * They also generate the OpenAPI document.
 */

const E = "errors.apiSchema";
/** `label` is a key of errors.apiSchema.labels (or errors.fields), or a ref with its values. */
type Label = string | MessageRef;
const labelRef = (label: Label) =>
  typeof label === "string" ? ref(label.includes(".") ? label : `${E}.labels.${label}`) : label;
const typeError = (label: Label, kind: string) => (issue: { input?: unknown }) =>
  issue.input === undefined
    ? msg("errors.field.required", { label: labelRef(label) })
    : msg(`${E}.mustBe`, { label: labelRef(label), kind: ref(`${E}.kinds.${kind}`) });
const str = (label: Label) => z.string({ error: typeError(label, "string") });
const optStr = (label: Label) => str(label).nullish();
const bool = (label: Label) => z.boolean({ error: typeError(label, "boolean") });

const person = (role: "submitter" | "owner") => {
  const who = (label: string) => ref(`${E}.labels.${label}`, { who: ref(`${E}.who.${role}`) });
  return z.object(
    {
      name: str(who("personName")).meta({ example: "Nguyễn Văn An" }),
      idNumber: optStr(who("personIdNumber")).meta({
        description: "CCCD 12 chữ số hoặc CMND 9 chữ số.",
        example: "042090001234",
      }),
      phone: optStr(who("personPhone")).meta({
        description: "Di động Việt Nam: 0…, +84… hoặc 84….",
        example: "0912345678",
      }),
      email: optStr(who("personEmail")),
      address: optStr(who("personAddress")),
    },
    { error: typeError(who("person"), "object") },
  );
};

export const apiIntakeSchema = z.object({
  procedureCode: str("procedureCode").meta({ description: "Mã thủ tục hành chính quốc gia.", example: "1.001612" }),
  channel: z
    .enum(dossierChannels, { error: `${E}.channel` })
    .meta({ description: "direct: trực tiếp, post: bưu chính, online: trực tuyến." }),
  submitter: person("submitter").meta({ description: "Người nộp hồ sơ; submitter.idNumber là bắt buộc." }),
  owner: person("owner").nullish().meta({ description: "Chủ hồ sơ khi khác người nộp (khi đó idNumber bắt buộc)." }),
  authorizationDocument: optStr("errors.fields.authorizationDocument"),
  notifyZalo: bool("notifyZalo").meta({
    description:
      "Công dân đồng ý nhận thông báo trạng thái qua Zalo (cần số di động hợp lệ); thời điểm đồng ý được ghi lại.",
  }),
  notifySms: bool("notifySms").optional(),
  deliverByPost: bool("deliverByPost").optional(),
  resultDelivery: z.enum(resultDeliveries, { error: `${E}.resultDelivery` }).optional(),
  components: z.array(str("component"), { error: typeError("component", "componentArray") }).optional(),
  setsCount: z
    .number({ error: typeError("setsCount", "number") })
    .int()
    .optional(),
  notes: optStr("errors.fields.notes"),
  receivedAt: optStr("receivedAt").meta({
    description: "ISO 8601; mặc định là lúc gọi API.",
    format: "date-time",
    example: "2026-03-02T08:15:00+07:00",
  }),
  nationalCode: optStr("nationalCode").meta({ example: "G22.99-260302-0001" }),
  startAs: z
    .enum(["received", "submitted"], { error: `${E}.startAs` })
    .optional()
    .meta({
      description: "submitted: hồ sơ trực tuyến chờ tiếp nhận (cần nationalCode, channel online).",
    }),
});
export type ApiIntake = z.infer<typeof apiIntakeSchema>;

export const apiTransitionSchema = z.object({
  to: z
    .enum(transitionTargets as [string, ...string[]], { error: "errors.dossierSchema.targetStatus" })
    .meta({ description: 'Trạng thái đích, hoặc "apology" (Phiếu xin lỗi, Mẫu 04).' }),
  note: optStr("errors.fields.notes"),
  fee: z
    .object(
      {
        amount: z.number({ error: typeError("amount", "amount") }).int(),
        paymentUrl: optStr("paymentUrl"),
      },
      { error: typeError("fee", "object") },
    )
    .nullish()
    .meta({ description: "Bắt buộc khi to = fee_requested." }),
  reason: optStr("errors.fields.reason").meta({ description: "Bắt buộc khi to = rejected, stopped hoặc apology." }),
  newDueAt: optStr("newDueAt").meta({
    description: "ISO 8601; bắt buộc khi to = apology.",
    format: "date-time",
  }),
  missing: z
    .array(str("missing"), { error: typeError("missing", "array") })
    .nullish()
    .meta({ description: "Bắt buộc khi to = supplement_requested." }),
});

const dateTime = z.string().meta({ format: "date-time" });
const status = z.enum(dossierStatuses);

export const createdDossierSchema = z.object({
  code: z.string(),
  status,
  dueAt: dateTime.nullable(),
  lookupUrl: z.string().meta({ description: "Trang tra cứu công khai kèm mã bí mật (đích của mã QR)." }),
});

export const transitionResultSchema = z.object({ code: z.string(), status });

const personOut = z.object({
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
});

export const dossierViewSchema = z.object({
  code: z.string(),
  nationalCode: z.string().nullable(),
  status,
  statusLabel: z.string(),
  nationalStatusCode: z.number().int(),
  procedure: z.object({ code: z.string().nullable(), name: z.string(), field: z.string() }),
  channel: z.enum(dossierChannels),
  resultDelivery: z.enum(resultDeliveries),
  submitter: personOut,
  owner: personOut,
  notifyZalo: z.boolean(),
  notifySms: z.boolean(),
  deliverByPost: z.boolean(),
  receivedAt: dateTime.nullable(),
  dueAt: dateTime.nullable(),
  newDueAt: dateTime.nullable(),
  finishedAt: dateTime.nullable(),
  returnedAt: dateTime.nullable(),
  fee: z
    .object({ amount: z.number().int(), paymentUrl: z.string().nullable(), paidAt: dateTime.nullable() })
    .nullable(),
  lookupUrl: z.string(),
  history: z.array(
    z.object({
      at: dateTime,
      from: status.nullable(),
      to: status,
      action: z.string(),
      actor: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
export type DossierView = z.infer<typeof dossierViewSchema>;

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string().meta({ example: "submitter.phone" }), message: z.string() })).optional(),
});
