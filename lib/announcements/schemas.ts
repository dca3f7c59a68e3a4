import { z } from "zod";
import { announcementCategories, beyondWindowPolicies } from "@/db/schema";
import { cleanText, nfc } from "@/lib/text";
import { optionalText, text } from "@/lib/validation";

const httpUrl = (label: string) =>
  z
    .string({ error: `${label}: bắt buộc nhập.` })
    .trim()
    .refine((v) => /^(https?:\/\/|\/)[^\s]+$/i.test(v) && v.length <= 1000, `${label}: địa chỉ không hợp lệ (bắt đầu bằng http:// hoặc https://).`);

const paragraph = z
  .string({ error: "Đoạn văn: bắt buộc nhập." })
  .transform((v) => nfc(v).replace(/\r\n/g, "\n").trim())
  .pipe(z.string().min(1, "Đoạn văn: bắt buộc nhập.").max(5000, "Đoạn văn: tối đa 5000 ký tự."));

export const blockSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("text"), content: paragraph }),
    z.object({ type: z.literal("image"), url: httpUrl("Ảnh"), caption: optionalText("Chú thích ảnh", 300) }),
    z.object({ type: z.literal("link"), url: httpUrl("Liên kết"), text: text("Chữ của liên kết", 200) }),
  ],
  { error: "Khối nội dung: loại phải là text, image hoặc link." },
);

const jsonArray = (v: unknown) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

export const audienceSchema = z.preprocess(
  jsonArray,
  z.discriminatedUnion(
    "kind",
    [
      z.object({
        kind: z.literal("all"),
        target: z.object({ gender: z.string().max(20).optional(), ages: z.string().max(40).optional(), cities: z.string().max(200).optional() }).optional(),
      }),
      z.object({
        kind: z.literal("segment"),
        tags: z.array(z.string().transform(cleanText).pipe(z.string().min(1).max(50))).max(20).optional(),
        unitIds: z.array(z.coerce.number().int().positive()).max(50).optional(),
        recency: z.enum(["48h", "7d", "any"]).optional(),
      }),
    ],
    { error: "Đối tượng nhận: chọn tất cả người quan tâm hoặc một nhóm." },
  ),
);

export const categorySchema = z.enum(announcementCategories, { error: "Chuyên mục: không hợp lệ." });

/** A draft as the compose form or the CMS API sends it. Body arrives as blocks (JSON text from the form). */
export const draftSchema = z.object({
  title: text("Tiêu đề", 150),
  summary: optionalText("Tóm tắt", 300).transform((v) => v ?? ""),
  category: categorySchema.default("khac"),
  coverImageId: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().positive().optional()),
  coverImageUrl: z.preprocess((v) => (v === "" || v == null ? undefined : v), httpUrl("Ảnh bìa").optional()),
  body: z.preprocess(jsonArray, z.array(blockSchema, { error: "Nội dung: danh sách khối không hợp lệ." }).max(100, "Nội dung: tối đa 100 khối.")),
  audience: audienceSchema.default({ kind: "all" }),
  beyondWindow: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.enum(beyondWindowPolicies).optional()),
});
export type DraftInput = z.infer<typeof draftSchema>;

export const idSchema = z.object({ id: z.coerce.number({ error: "Mã tin không hợp lệ." }).int().positive("Mã tin không hợp lệ.") });

export const approveSchema = idSchema.extend({
  // Empty = now; a local "yyyy-MM-ddTHH:mm" from the form or an ISO instant.
  scheduledAt: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.string().optional()),
  comment: optionalText("Ghi chú", 1000),
});

export const returnSchema = idSchema.extend({ comment: text("Lý do trả lại", 1000) });
