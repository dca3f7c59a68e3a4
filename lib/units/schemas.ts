import { z } from "zod";
import { unitKinds } from "@/db/schema";
import { checkbox, optionalText, text } from "@/lib/validation";

export const unitCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}(\.\d{1,3}){1,3})$/, "Mã định danh không đúng định dạng (ví dụ 000.00.04.H60 hoặc H27.37).");

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày không hợp lệ.");

export const unitInputSchema = z.object({
  name: text("Tên đơn vị", 300),
  kind: z.enum(unitKinds, { error: "Loại đơn vị không hợp lệ." }),
  parentId: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable()),
  address: optionalText("Địa chỉ", 500),
  code: z.preprocess((v) => (v === "" ? undefined : v), unitCodeSchema.optional()),
  codeValidFrom: z.preprocess((v) => (v === "" ? undefined : v), dateString.optional()),
});
export type UnitInput = z.infer<typeof unitInputSchema>;

export const unitUpdateSchema = unitInputSchema.extend({ id: z.coerce.number().int().positive(), active: checkbox });
