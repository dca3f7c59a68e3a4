import { z } from "zod";
import { notificationChannels } from "@/db/schema/notifications";
import { msg } from "@/lib/i18n/translate";
import { optionalText, text } from "@/lib/validation";
import { isMessageField } from "./fields";
import { CS_TEXT_MAX, unknownPlaceholders } from "./render";

const E = "errors.notificationSchema";

export const resendSchema = z.object({
  id: z.coerce
    .number({ error: `${E}.idRequired` })
    .int()
    .positive(`${E}.idRequired`),
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
    const at = String(i + 1);
    const m = /^([A-Za-z0-9_]{1,50})\s*=\s*(\w+)\s*:\s*(\d{1,4})$/.exec(line);
    if (!m) return { params, error: msg(`${E}.paramFormat`, { line: at }) };
    if (!isMessageField(m[2])) return { params, error: msg(`${E}.paramField`, { line: at, field: m[2] }) };
    const maxLength = Number(m[3]);
    if (maxLength < 1 || maxLength > 1000) return { params, error: msg(`${E}.paramLength`, { line: at }) };
    if (params.some((p) => p.param === m[1]))
      return { params, error: msg(`${E}.paramRepeated`, { line: at, param: m[1] }) };
    params.push({ param: m[1], field: m[2], maxLength });
  }
  return { params, error: null };
}

const channelOrders = ["zbs", "cs,zbs", "zbs,cs", "cs"] as const;

export const templateSchema = z
  .object({
    eventType: z.string().min(1, `${E}.eventType`).max(50),
    label: text("errors.fields.templateName", 100),
    enabled: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
    channels: z
      .enum(channelOrders, { error: `${E}.channels` })
      .transform((v) => v.split(",") as (typeof notificationChannels)[number][]),
    zbsTemplateId: optionalText("errors.fields.zbsTemplateId", 50).pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/, `${E}.zbsTemplateId`)
        .optional(),
    ),
    zbsParams: z.string().optional().default(""),
    csText: z
      .string()
      .optional()
      .transform((v) => (v ?? "").normalize("NFC").trim() || undefined)
      .pipe(
        z
          .string()
          .max(CS_TEXT_MAX, msg(`${E}.csTextTooLong`, { max: String(CS_TEXT_MAX) }))
          .optional(),
      ),
  })
  .superRefine((v, ctx) => {
    const parsed = parseParamLines(v.zbsParams);
    if (parsed.error) ctx.addIssue({ code: "custom", path: ["zbsParams"], message: parsed.error });
    if (v.channels.includes("zbs") && !v.zbsTemplateId)
      ctx.addIssue({ code: "custom", path: ["zbsTemplateId"], message: `${E}.zbsNeedsTemplate` });
    if (v.channels.includes("cs") && !v.csText)
      ctx.addIssue({ code: "custom", path: ["csText"], message: `${E}.csNeedsText` });
    const unknown = v.csText ? unknownPlaceholders(v.csText) : [];
    if (unknown.length)
      ctx.addIssue({
        code: "custom",
        path: ["csText"],
        message: msg(`${E}.unknownFields`, { fields: unknown.map((u) => `{${u}}`).join(", ") }),
      });
  })
  .transform((v) => ({ ...v, zbsParams: parseParamLines(v.zbsParams).params }));
