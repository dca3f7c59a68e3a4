import { z } from "zod";
import { unitKinds } from "@/db/schema";
import { dayFromInput } from "@/lib/day-input";
import { checkbox, optionalText, text } from "@/lib/validation";

const unitCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  // Decision 20/2020/QĐ-TTg: up to 35 characters of 0-9, A-Z and dots, containing a level-1 code such as H27 or G14.
  .regex(
    /^(?=.{3,35}$)[A-Z0-9]+(\.[A-Z0-9]+)+$/,
    "Mã định danh không đúng định dạng (ví dụ 000.00.04.H60 hoặc H27.37).",
  )
  .refine((v) => /(^|\.)[A-Y]\d{2}(\.|$)/.test(v), "Mã định danh phải chứa mã cấp 1 (ví dụ H27, G14).");

const dateString = z.preprocess(
  dayFromInput,
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày không hợp lệ (nhập ngày/tháng/năm)."),
);

export const unitInputSchema = z.object({
  name: text("Tên đơn vị", 300),
  kind: z.enum(unitKinds, { error: "Loại đơn vị không hợp lệ." }),
  parentId: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable()),
  address: optionalText("Địa chỉ", 500),
  hotline: optionalText("Đường dây nóng", 50),
  code: z.preprocess((v) => (v === "" ? undefined : v), unitCodeSchema.optional()),
  codeValidFrom: z.preprocess((v) => (v === "" ? undefined : v), dateString.optional()),
});

export const unitUpdateSchema = unitInputSchema.extend({ id: z.coerce.number().int().positive(), active: checkbox });
