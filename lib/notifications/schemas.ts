import { z } from "zod";
import { notificationChannels } from "@/db/schema/notifications";
import { optionalText, text } from "@/lib/validation";
import { isMessageField } from "./fields";
import { CS_TEXT_MAX, unknownPlaceholders } from "./render";

export const resendSchema = z.object({
  id: z.coerce.number({ error: "Thiếu mã thông báo." }).int().positive("Thiếu mã thông báo."),
});

/** "customer_name = submitterName : 30", one per line: the admin page's compact mapping editor. */
function parseParamLines(value: string): {
  params: { param: string; field: string; maxLength: number }[];
  error: string | null;
} {
  const params: { param: string; field: string; maxLength: number }[] = [];
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const m = /^([A-Za-z0-9_]{1,50})\s*=\s*(\w+)\s*:\s*(\d{1,4})$/.exec(line);
    if (!m)
      return {
        params,
        error: `Dòng ${i + 1}: cần dạng "tham_so = truong : độ_dài" (ví dụ "customer_name = submitterName : 30").`,
      };
    if (!isMessageField(m[2])) return { params, error: `Dòng ${i + 1}: không có trường dữ liệu "${m[2]}".` };
    const maxLength = Number(m[3]);
    if (maxLength < 1 || maxLength > 1000) return { params, error: `Dòng ${i + 1}: độ dài phải từ 1 đến 1000.` };
    if (params.some((p) => p.param === m[1])) return { params, error: `Dòng ${i + 1}: tham số "${m[1]}" bị lặp.` };
    params.push({ param: m[1], field: m[2], maxLength });
  }
  return { params, error: null };
}

const channelOrders = ["zbs", "cs,zbs", "zbs,cs", "cs"] as const;

export const templateSchema = z
  .object({
    eventType: z.string().min(1, "Thiếu loại sự kiện.").max(50),
    label: text("errors.fields.templateName", 100),
    enabled: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
    channels: z
      .enum(channelOrders, { error: "Chọn thứ tự kênh gửi." })
      .transform((v) => v.split(",") as (typeof notificationChannels)[number][]),
    zbsTemplateId: optionalText("errors.fields.zbsTemplateId", 50).pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/, "Mã mẫu ZBS chỉ gồm chữ, số, dấu gạch.")
        .optional(),
    ),
    zbsParams: z.string().optional().default(""),
    csText: z
      .string()
      .optional()
      .transform((v) => (v ?? "").normalize("NFC").trim() || undefined)
      .pipe(z.string().max(CS_TEXT_MAX, `Nội dung tin tư vấn: tối đa ${CS_TEXT_MAX} ký tự.`).optional()),
  })
  .superRefine((v, ctx) => {
    const parsed = parseParamLines(v.zbsParams);
    if (parsed.error) ctx.addIssue({ code: "custom", path: ["zbsParams"], message: parsed.error });
    if (v.channels.includes("zbs") && !v.zbsTemplateId)
      ctx.addIssue({ code: "custom", path: ["zbsTemplateId"], message: "Kênh ZBS cần mã mẫu tin đã được Zalo duyệt." });
    if (v.channels.includes("cs") && !v.csText)
      ctx.addIssue({ code: "custom", path: ["csText"], message: "Kênh tin tư vấn cần nội dung tin." });
    const unknown = v.csText ? unknownPlaceholders(v.csText) : [];
    if (unknown.length)
      ctx.addIssue({
        code: "custom",
        path: ["csText"],
        message: `Không có trường dữ liệu: ${unknown.map((u) => `{${u}}`).join(", ")}.`,
      });
  })
  .transform((v) => ({ ...v, zbsParams: parseParamLines(v.zbsParams).params }));
