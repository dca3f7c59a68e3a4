import { z } from "zod";
import { conversationCategories, conversationPriorities } from "@/db/schema";
import { optionalText, text } from "@/lib/validation";

const id = z.coerce.number({ error: "Thiếu mã hội thoại." }).int().positive("Thiếu mã hội thoại.");
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
const longText = (label: string, max: number) =>
  z
    .string({ error: `${label}: bắt buộc nhập.` })
    .transform((v) => v.normalize("NFC").trim())
    .pipe(z.string().min(1, `${label}: bắt buộc nhập.`).max(max, `${label}: tối đa ${max} ký tự.`));

export const replySchema = z.object({
  conversationId: id,
  text: longText("Nội dung trả lời", 2000),
  confirmPaid: checkbox.optional(),
  useTemplate: checkbox.optional(),
});

export const noteSchema = z.object({ conversationId: id, text: longText("Ghi chú", 2000) });

export const assignSchema = z.object({
  conversationId: id,
  assigneeId: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable()),
});

export const transferSchema = z.object({
  conversationId: id,
  unitId: z.coerce.number({ error: "Chọn đơn vị nhận." }).int().positive("Chọn đơn vị nhận."),
  reason: text("errors.fields.transferReason", 500),
});

export const classifySchema = z.object({
  conversationId: id,
  category: z.enum(conversationCategories, { error: "Chọn loại hội thoại." }),
  priority: z.enum(conversationPriorities, { error: "Chọn mức ưu tiên." }),
  labels: z
    .string()
    .optional()
    .transform((v) =>
      [
        ...new Set(
          (v ?? "")
            .split(",")
            .map((s) => s.normalize("NFC").trim())
            .filter(Boolean),
        ),
      ].slice(0, 10),
    ),
});

export const resolveSchema = z.object({
  conversationId: id,
  outcome: optionalText("errors.fields.outcome", 2000),
});

export const retrySchema = z.object({ conversationId: id, messageId: z.coerce.number().int().positive() });

export const faqSchema = z.object({
  conversationId: id,
  field: text("errors.fields.field", 120),
  question: longText("Câu hỏi", 2000),
  answer: longText("Trả lời", 4000),
  published: checkbox.optional(),
});

const deadline = (label: string) =>
  z.coerce
    .number({ error: `${label}: nhập số ngày làm việc.` })
    .int(`${label}: nhập số ngày làm việc là số nguyên.`)
    .min(0, `${label}: không được âm (0 = không tính hạn).`)
    .max(90, `${label}: tối đa 90 ngày làm việc.`);

export const settingsSchema = z.object({
  deadlineDays: z.object({
    question: deadline("Hạn trả lời hỏi đáp"),
    report: deadline("Hạn giải quyết phản ánh"),
    petition: deadline("Hạn giải quyết kiến nghị"),
    suggestion: deadline("Hạn trả lời góp ý"),
    other: deadline("Hạn trả lời loại khác"),
  }),
  allowPaidReplies: checkbox,
  zbsTemplateId: optionalText("errors.fields.zbsTemplateId", 40).pipe(
    z.string().regex(/^\d+$/, "Mã mẫu ZBS: chỉ gồm chữ số (mã Zalo cấp khi duyệt mẫu).").optional(),
  ),
});

const optionalId = z.preprocess(
  (v) => (v === "" || v == null ? undefined : v),
  z.coerce.number().int().positive().optional(),
);

export const cannedSchema = z.object({
  id: optionalId,
  unitId: optionalId,
  title: text("errors.fields.templateName", 120),
  body: longText("Nội dung mẫu", 2000),
});

export const cannedDeleteSchema = z.object({
  id: z.coerce.number({ error: "Thiếu mã mẫu trả lời." }).int().positive("Thiếu mã mẫu trả lời."),
});
