import { z } from "zod";
import { apiKeyScopes } from "@/db/schema";
import { text } from "@/lib/validation";

export const apiKeyCreateSchema = z.object({
  unitId: z.coerce.number({ error: "Chọn đơn vị." }).int().positive("Chọn đơn vị."),
  name: text("Tên khóa", 100),
  // Checkboxes: absent, one value or several.
  scopes: z.preprocess(
    (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(apiKeyScopes, { error: "Quyền của khóa không hợp lệ." })).transform((s) => [...new Set(s)]),
  ),
});

export const apiKeyRevokeSchema = z.object({
  id: z.coerce.number({ error: "Khóa không hợp lệ." }).int().positive("Khóa không hợp lệ."),
});
