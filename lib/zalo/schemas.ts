import { z } from "zod";
import { optionalText, text } from "@/lib/validation";

const zaloId = (label: string) =>
  text(label, 50).pipe(
    z.string().regex(/^[0-9A-Za-z_-]+$/, `${label}: chỉ gồm chữ số hoặc chữ cái, không có khoảng trắng.`),
  );

export const zaloSettingsSchema = z.object({
  appId: zaloId("App ID"),
  // Write-only: blank keeps what is stored.
  appSecret: optionalText("App Secret Key", 200),
  oaId: zaloId("OA ID"),
  oaSecretKey: optionalText("OA Secret Key", 200),
  welcomeMessage: optionalText("Lời chào", 2000),
});

export const refreshTokenSchema = z.object({
  refreshToken: z
    .string({ error: "Refresh token: bắt buộc nhập." })
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(10, "Refresh token: chưa đúng (quá ngắn).")
        .max(2000, "Refresh token: tối đa 2.000 ký tự.")
        .regex(/^\S+$/, "Refresh token: không được chứa khoảng trắng."),
    ),
});

export const oauthCallbackSchema = z.object({
  code: z.string({ error: "Thiếu mã cấp quyền (code)." }).min(1, "Thiếu mã cấp quyền (code).").max(2000),
  state: z.string({ error: "Thiếu state." }).min(1, "Thiếu state.").max(200),
  oaId: z.string().max(50).optional(),
});
