import { z } from "zod";
import { dossierChannels, dossierStatuses, resultDeliveries } from "@/db/schema/dossiers";
import { transitionTargets } from "@/lib/dossiers/lifecycle";

/*
 * The JSON shapes of /api/v1. They check types only (so a wrong type is named by its JSON path); the
 * rules — phone, CCCD, ticks, procedure — are the dossier service's own, exactly as for the intake form.
 * They also generate the OpenAPI document.
 */

const typeError = (label: string, kind: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${label}: bắt buộc nhập.` : `${label}: phải là ${kind}.`;
const str = (label: string) => z.string({ error: typeError(label, "chuỗi ký tự") });
const optStr = (label: string) => str(label).nullish();
const bool = (label: string) => z.boolean({ error: typeError(label, "true hoặc false") });

const person = (who: string) =>
  z.object(
    {
      name: str(`Họ tên ${who}`).meta({ example: "Nguyễn Văn An" }),
      idNumber: optStr(`Số CCCD/CMND ${who}`).meta({
        description: "CCCD 12 chữ số hoặc CMND 9 chữ số.",
        example: "042090001234",
      }),
      phone: optStr(`Số điện thoại ${who}`).meta({
        description: "Di động Việt Nam: 0…, +84… hoặc 84….",
        example: "0912345678",
      }),
      email: optStr(`Email ${who}`),
      address: optStr(`Địa chỉ ${who}`),
    },
    { error: typeError(`Thông tin ${who}`, "một đối tượng") },
  );

export const apiIntakeSchema = z.object({
  procedureCode: str("Mã thủ tục").meta({ description: "Mã thủ tục hành chính quốc gia.", example: "1.001612" }),
  channel: z
    .enum(dossierChannels, { error: "Kênh nộp hồ sơ phải là direct, post hoặc online." })
    .meta({ description: "direct: trực tiếp, post: bưu chính, online: trực tuyến." }),
  submitter: person("người nộp").meta({ description: "Người nộp hồ sơ; submitter.idNumber là bắt buộc." }),
  owner: person("chủ hồ sơ")
    .nullish()
    .meta({ description: "Chủ hồ sơ khi khác người nộp (khi đó idNumber bắt buộc)." }),
  authorizationDocument: optStr("Văn bản ủy quyền"),
  notifyZalo: bool("Đăng ký nhận thông báo qua Zalo").meta({
    description:
      "Công dân đồng ý nhận thông báo trạng thái qua Zalo (cần số di động hợp lệ); thời điểm đồng ý được ghi lại.",
  }),
  notifySms: bool("Đăng ký nhận SMS").optional(),
  deliverByPost: bool("Đăng ký nhận kết quả qua EMS").optional(),
  resultDelivery: z
    .enum(resultDeliveries, { error: "Hình thức nhận kết quả phải là counter, post_ems hoặc online." })
    .optional(),
  components: z
    .array(str("Thành phần hồ sơ"), { error: typeError("Thành phần hồ sơ", "một mảng tên giấy tờ") })
    .optional(),
  setsCount: z
    .number({ error: typeError("Số bộ hồ sơ", "một số") })
    .int()
    .optional(),
  notes: optStr("Ghi chú"),
  receivedAt: optStr("Thời điểm tiếp nhận").meta({
    description: "ISO 8601; mặc định là lúc gọi API.",
    format: "date-time",
    example: "2026-03-02T08:15:00+07:00",
  }),
  nationalCode: optStr("Mã hồ sơ Cổng DVC quốc gia").meta({ example: "G22.99-260302-0001" }),
  startAs: z.enum(["received", "submitted"], { error: "startAs phải là received hoặc submitted." }).optional().meta({
    description: "submitted: hồ sơ trực tuyến chờ tiếp nhận (cần nationalCode, channel online).",
  }),
});
export type ApiIntake = z.infer<typeof apiIntakeSchema>;

export const apiTransitionSchema = z.object({
  to: z
    .enum(transitionTargets as [string, ...string[]], { error: "Trạng thái chuyển đến không hợp lệ." })
    .meta({ description: 'Trạng thái đích, hoặc "apology" (Phiếu xin lỗi, Mẫu 04).' }),
  note: optStr("Ghi chú"),
  fee: z
    .object(
      {
        amount: z.number({ error: typeError("Số tiền", "một số (đồng)") }).int(),
        paymentUrl: optStr("Đường dẫn thanh toán"),
      },
      { error: typeError("Phí, lệ phí", "một đối tượng") },
    )
    .nullish()
    .meta({ description: "Bắt buộc khi to = fee_requested." }),
  reason: optStr("Lý do").meta({ description: "Bắt buộc khi to = rejected, stopped hoặc apology." }),
  newDueAt: optStr("Ngày hẹn trả mới").meta({
    description: "ISO 8601; bắt buộc khi to = apology.",
    format: "date-time",
  }),
  missing: z
    .array(str("Giấy tờ cần bổ sung"), { error: typeError("Giấy tờ cần bổ sung", "một mảng") })
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
