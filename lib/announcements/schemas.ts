import { z } from "zod";
import { announcementCategories, beyondWindowPolicies } from "@/db/schema";
import { cleanText, nfc } from "@/lib/text";
import { optionalText, text } from "@/lib/validation";
import { vi } from "@/lib/i18n/messages/vi";
import { keysOf, msg, ref } from "@/lib/i18n/translate";

const m = keysOf(vi.announcements.validation, "announcements.validation");
const L = m.labels;

const httpUrl = (label: string) =>
  z
    .string({ error: msg(m.required, { label: ref(label) }) })
    .trim()
    .refine((v) => /^(https?:\/\/|\/)[^\s]+$/i.test(v) && v.length <= 1000, msg(m.badUrl, { label: ref(label) }));

const paragraph = z
  .string({ error: m.paragraphRequired })
  .transform((v) => nfc(v).replace(/\r\n/g, "\n").trim())
  .pipe(z.string().min(1, m.paragraphRequired).max(5000, m.paragraphTooLong));

const blockSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("text"), content: paragraph }),
    z.object({ type: z.literal("image"), url: httpUrl(L.image), caption: optionalText(L.caption, 300) }),
    z.object({ type: z.literal("link"), url: httpUrl(L.link), text: text(L.linkText, 200) }),
  ],
  { error: m.blockType },
);

const jsonArray = (v: unknown) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

const audienceSchema = z.preprocess(
  jsonArray,
  z.discriminatedUnion(
    "kind",
    [
      z.object({
        kind: z.literal("all"),
        target: z
          .object({
            gender: z.string().max(20).optional(),
            ages: z.string().max(40).optional(),
            cities: z.string().max(200).optional(),
          })
          .optional(),
      }),
      z.object({
        kind: z.literal("segment"),
        tags: z
          .array(z.string().transform(cleanText).pipe(z.string().min(1).max(50)))
          .max(20)
          .optional(),
        unitIds: z.array(z.coerce.number().int().positive()).max(50).optional(),
        recency: z.enum(["48h", "7d", "any"]).optional(),
      }),
    ],
    { error: m.audience },
  ),
);

const categorySchema = z.enum(announcementCategories, { error: m.category });

/** A draft as the compose form or the CMS API sends it. Body arrives as blocks (JSON text from the form). */
export const draftSchema = z.object({
  title: text(L.title, 150),
  summary: optionalText(L.summary, 300).transform((v) => v ?? ""),
  category: categorySchema.default("khac"),
  coverImageId: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce.number().int().positive().optional(),
  ),
  coverImageUrl: z.preprocess((v) => (v === "" || v == null ? undefined : v), httpUrl(L.cover).optional()),
  body: z.preprocess(jsonArray, z.array(blockSchema, { error: m.body }).max(100, m.bodyTooLong)),
  audience: audienceSchema.default({ kind: "all" }),
  beyondWindow: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.enum(beyondWindowPolicies).optional()),
});
export type DraftInput = z.infer<typeof draftSchema>;

export const idSchema = z.object({ id: z.coerce.number({ error: m.id }).int().positive(m.id) });

export const approveSchema = idSchema.extend({
  // Empty = now; a local "yyyy-MM-ddTHH:mm" from the form or an ISO instant.
  scheduledAt: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.string().optional()),
  comment: optionalText(L.comment, 1000),
});

export const returnSchema = idSchema.extend({ comment: text(L.returnComment, 1000) });
