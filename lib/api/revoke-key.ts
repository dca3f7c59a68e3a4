import { and, eq, isNull } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { writeAudit } from "@/lib/audit/write";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { apiKeyRevokeSchema } from "./key-schemas";
import { withTransaction } from "@/lib/services/context";

/** Revocation is immediate: the next request with the key gets 401. */
export async function revokeApiKey(ctx: Ctx, raw: unknown): Promise<{ id: number }> {
  requirePermission(ctx, "apikeys.manage");
  const input = parseInput(apiKeyRevokeSchema, raw);
  return withTransaction(ctx, async (ctx, tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: ctx.now ?? new Date() })
      .where(and(eq(apiKeys.id, input.id), isNull(apiKeys.revokedAt), inUnitScope(ctx, apiKeys.unitId)))
      .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, unitId: apiKeys.unitId });
    if (!row) throw new NotFoundError("errors.notFound.apiKey");
    await writeAudit(tx, ctx, {
      action: "apikey.revoke",
      entityType: "api_key",
      entityId: row.id,
      unitId: row.unitId,
      summary: `Thu hồi khóa API "${row.name}" (${row.prefix}…)`,
    });
    return { id: row.id };
  });
}
