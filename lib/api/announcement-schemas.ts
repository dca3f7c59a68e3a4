import { z } from "zod";
import { announcementCategories, announcementStatuses } from "@/db/schema";

const block = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), content: z.string().max(5000) }),
  z.object({ type: z.literal("image"), url: z.string().max(1000), caption: z.string().max(300).optional() }),
  z.object({ type: z.literal("link"), url: z.string().max(1000), text: z.string().max(200) }),
]);

/** What the province's news CMS posts: a draft that lands awaiting approval (documentation schema). */
export const apiAnnouncementSchema = z.object({
  title: z.string().max(150).meta({ example: "Bãi bỏ thủ tục xác nhận tình trạng hôn nhân khi đăng ký kết hôn" }),
  summary: z.string().max(300).optional(),
  body: z.array(block).max(100),
  category: z
    .enum(announcementCategories)
    .optional()
    .meta({ description: "thu_tuc (thủ tục mới / bãi bỏ), van_ban, huong_dan, su_kien, khac" }),
  coverImageUrl: z.string().max(1000).optional(),
});

export const createdAnnouncementSchema = z.object({ id: z.number().int(), status: z.enum(announcementStatuses) });

export const announcementStatusSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  status: z.enum(announcementStatuses),
  scheduledAt: z.string().nullable(),
  publicUrl: z.string().nullable(),
  counts: z.object({
    total: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    remaining: z.number().int(),
  }),
});
