import { z } from "zod";
import { msg } from "@/lib/i18n/translate";
import { optionalText, text } from "@/lib/validation";

const zaloId = (label: string) =>
  text(label, 50).pipe(z.string().regex(/^[0-9A-Za-z_-]+$/, msg("errors.zaloSchema.idChars", { label })));

export const zaloSettingsSchema = z.object({
  appId: zaloId("App ID"),
  // Write-only: blank keeps what is stored.
  appSecret: optionalText("errors.fields.appSecret", 200),
  oaId: zaloId("OA ID"),
  oaSecretKey: optionalText("errors.fields.oaSecretKey", 200),
  welcomeMessage: optionalText("errors.fields.welcomeMessage", 2000),
});

export const refreshTokenSchema = z.object({
  refreshToken: z
    .string({ error: "errors.zaloSchema.refreshTokenRequired" })
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(10, "errors.zaloSchema.refreshTokenShort")
        .max(2000, "errors.zaloSchema.refreshTokenLong")
        .regex(/^\S+$/, "errors.zaloSchema.refreshTokenSpaces"),
    ),
});

export const oauthCallbackSchema = z.object({
  code: z.string({ error: "errors.zaloSchema.codeMissing" }).min(1, "errors.zaloSchema.codeMissing").max(2000),
  state: z.string({ error: "errors.zaloSchema.stateMissing" }).min(1, "errors.zaloSchema.stateMissing").max(200),
  oaId: z.string().max(50).optional(),
});
