import { z } from "zod";
import { text } from "@/lib/validation";

export const apiKeyCreateSchema = z.object({
  unitId: z.coerce.number({ error: "Chọn đơn vị." }).int().positive("Chọn đơn vị."),
  name: text("Tên khóa", 100),
});

export const apiKeyRevokeSchema = z.object({ id: z.coerce.number({ error: "Khóa không hợp lệ." }).int().positive("Khóa không hợp lệ.") });
