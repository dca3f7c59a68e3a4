import { desc, eq, sql } from "drizzle-orm";
import { apiKeys, units } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { dbOf } from "@/lib/services/context";

export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  unitId: number;
  unitName: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  scopes: string[];
}

/** Keys of the units the caller manages; never the hash. */
export async function listApiKeys(ctx: Ctx): Promise<ApiKeyRow[]> {
  requirePermission(ctx, "apikeys.manage");
  return dbOf(ctx)
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      unitId: apiKeys.unitId,
      unitName: units.name,
      createdBy: apiKeys.createdBy,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(units, eq(units.id, apiKeys.unitId))
    .where(inUnitScope(ctx, apiKeys.unitId))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt));
}
