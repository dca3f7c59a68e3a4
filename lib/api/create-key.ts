import { eq } from "drizzle-orm";
import { apiKeys, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { unitInScope } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit/write";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { generateApiKey } from "./key-material";
import { apiKeyCreateSchema } from "./key-schemas";
import { withTransaction } from "@/lib/services/context";

interface CreatedApiKey {
  id: number;
  prefix: string;
  /** The full key: returned this once and never stored. */
  key: string;
}

export async function createApiKey(ctx: Ctx, raw: unknown): Promise<CreatedApiKey> {
  requirePermission(ctx, "apikeys.manage");
  const input = parseInput(apiKeyCreateSchema, raw);
  const { key, prefix, hash } = generateApiKey();
  return withTransaction(ctx, async (ctx, tx) => {
    const [unit] = await tx.select().from(units).where(eq(units.id, input.unitId));
    if (!unit || !unit.active || !unitInScope(ctx, unit))
      throw new ValidationError({ unitId: "errors.unit.outOfScope" });
    const [row] = await tx
      .insert(apiKeys)
      .values({ unitId: unit.id, name: input.name, prefix, hash, scopes: input.scopes, createdBy: ctx.actor.label })
      .returning({ id: apiKeys.id });
    await writeAudit(tx, ctx, {
      action: "apikey.create",
      entityType: "api_key",
      entityId: row.id,
      unitId: unit.id,
      summary: `Tạo khóa API "${input.name}" (${prefix}…) cho ${unit.name}`,
      changes: { name: input.name, prefix, unitId: unit.id, scopes: input.scopes },
    });
    return { id: row.id, prefix, key };
  });
}
