import { z } from "zod";
import { apiKeyScopes } from "@/db/schema";
import { text } from "@/lib/validation";

export const apiKeyCreateSchema = z.object({
  unitId: z.coerce
    .number({ error: "errors.staffSchema.unitRequired" })
    .int()
    .positive("errors.staffSchema.unitRequired"),
  name: text("errors.fields.keyName", 100),
  // Checkboxes: absent, one value or several.
  scopes: z.preprocess(
    (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(apiKeyScopes, { error: "errors.staffSchema.keyScope" })).transform((s) => [...new Set(s)]),
  ),
});

export const apiKeyRevokeSchema = z.object({
  id: z.coerce.number({ error: "errors.staffSchema.keyId" }).int().positive("errors.staffSchema.keyId"),
});
