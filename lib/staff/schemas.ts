import { z } from "zod";
import { roles } from "@/db/schema";
import { newPasswordSchema } from "@/lib/auth/password";
import { checkbox, optionalText, text } from "@/lib/validation";

const usernameSchema = z
  .string({ error: "Tên đăng nhập: bắt buộc nhập." })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,50}$/, "Tên đăng nhập gồm 3–50 ký tự a–z, 0–9, dấu chấm, gạch ngang hoặc gạch dưới.");

const staffFields = {
  fullName: text("Họ và tên", 200),
  email: optionalText("Email", 200).pipe(z.email("Email không hợp lệ.").optional()),
  phone: optionalText("Điện thoại", 20),
  role: z.enum(roles, { error: "Vai trò không hợp lệ." }),
  unitId: z.coerce.number({ error: "Chọn đơn vị." }).int().positive("Chọn đơn vị."),
};

export const staffCreateSchema = z.object({ username: usernameSchema, password: newPasswordSchema, ...staffFields });
export const staffUpdateSchema = z.object({ id: z.coerce.number().int().positive(), active: checkbox, ...staffFields });
export const resetPasswordSchema = z.object({ id: z.coerce.number().int().positive(), password: newPasswordSchema });
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Nhập mật khẩu hiện tại."),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "Mật khẩu nhập lại không khớp.",
  });
