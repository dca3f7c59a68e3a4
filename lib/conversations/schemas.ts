import { z } from "zod";
import { conversationCategories, conversationPriorities } from "@/db/schema";
import { msg, ref } from "@/lib/i18n/translate";
import { optionalText, text } from "@/lib/validation";

const ID_MISSING = "errors.conversationSchema.conversationId";
const id = z.coerce.number({ error: ID_MISSING }).int().positive(ID_MISSING);
const L = "errors.conversationSchema.labels";
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
/** Like `text`, but keeps line breaks. `label` is the catalogue key of the field's name. */
const longText = (label: string, max: number) => {
  const required = msg("errors.field.required", { label: ref(label) });
  return z
    .string({ error: required })
    .transform((v) => v.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, required)
        .max(max, msg("errors.field.tooLong", { label: ref(label), max: String(max) })),
    );
};

export const replySchema = z.object({
  conversationId: id,
  text: longText(`${L}.replyText`, 2000),
  confirmPaid: checkbox.optional(),
  useTemplate: checkbox.optional(),
});

export const noteSchema = z.object({ conversationId: id, text: longText("errors.fields.notes", 2000) });

export const assignSchema = z.object({
  conversationId: id,
  assigneeId: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable()),
});

export const transferSchema = z.object({
  conversationId: id,
  unitId: z.coerce
    .number({ error: "errors.conversationSchema.unitRequired" })
    .int()
    .positive("errors.conversationSchema.unitRequired"),
  reason: text("errors.fields.transferReason", 500),
});

export const classifySchema = z.object({
  conversationId: id,
  category: z.enum(conversationCategories, { error: "errors.conversationSchema.category" }),
  priority: z.enum(conversationPriorities, { error: "errors.conversationSchema.priority" }),
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
  question: longText(`${L}.question`, 2000),
  answer: longText(`${L}.answer`, 4000),
  published: checkbox.optional(),
});

const deadline = (label: string) => {
  const m = (key: string) => msg(`errors.conversationSchema.${key}`, { label: ref(`${L}.${label}`) });
  return z.coerce
    .number({ error: m("deadlineNumber") })
    .int(m("deadlineInteger"))
    .min(0, m("deadlineNegative"))
    .max(90, m("deadlineMax"));
};

export const settingsSchema = z.object({
  deadlineDays: z.object({
    question: deadline("deadlineQuestion"),
    report: deadline("deadlineReport"),
    petition: deadline("deadlinePetition"),
    suggestion: deadline("deadlineSuggestion"),
    other: deadline("deadlineOther"),
  }),
  allowPaidReplies: checkbox,
  zbsTemplateId: optionalText("errors.fields.zbsTemplateId", 40).pipe(
    z.string().regex(/^\d+$/, "errors.conversationSchema.zbsTemplateId").optional(),
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
  body: longText(`${L}.cannedBody`, 2000),
});

export const cannedDeleteSchema = z.object({
  id: z.coerce
    .number({ error: "errors.conversationSchema.cannedId" })
    .int()
    .positive("errors.conversationSchema.cannedId"),
});
