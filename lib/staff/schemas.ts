import { z } from "zod";
import { roles } from "@/db/schema";
import { newPasswordSchema } from "@/lib/auth/password";
import { checkbox, optionalText, text } from "@/lib/validation";

const usernameSchema = z
  .string({ error: "errors.staffSchema.usernameRequired" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,50}$/, "errors.staffSchema.username");

const staffFields = {
  fullName: text("errors.fields.fullName", 200),
  email: optionalText("errors.fields.email", 200).pipe(z.email("errors.staffSchema.email").optional()),
  phone: optionalText("errors.fields.phone", 20),
  role: z.enum(roles, { error: "errors.staffSchema.role" }),
  unitId: z.coerce
    .number({ error: "errors.staffSchema.unitRequired" })
    .int()
    .positive("errors.staffSchema.unitRequired"),
};

export const staffCreateSchema = z.object({ username: usernameSchema, password: newPasswordSchema, ...staffFields });
export const staffUpdateSchema = z.object({ id: z.coerce.number().int().positive(), active: checkbox, ...staffFields });
export const resetPasswordSchema = z.object({ id: z.coerce.number().int().positive(), password: newPasswordSchema });
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "errors.staffSchema.currentPassword"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "errors.staffSchema.passwordMismatch",
  });
