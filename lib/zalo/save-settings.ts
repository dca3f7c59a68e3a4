import { eq } from "drizzle-orm";
import { zaloSettings } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { diff, writeAudit } from "@/lib/audit/write";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { encryptSecret } from "./crypto";
import { zaloSettingsSchema } from "./schemas";
import { clearZaloSettingsCache, getZaloSettings } from "./settings";
import { dbOf, withTransaction } from "@/lib/services/context";

/**
 * Saves the OA connection. Secret fields are write-only: blank keeps the stored value; audit notes "changed", never the
 * value.
 */
export async function saveZaloSettings(ctx: Ctx, raw: unknown) {
  requirePermission(ctx, "zalo.settings");
  const input = parseInput(zaloSettingsSchema, raw);
  const before = await getZaloSettings(dbOf(ctx));
  const missing: Record<string, string> = {};
  if (!input.appSecret && !before?.appSecret) missing.appSecret = "App Secret Key: bắt buộc nhập.";
  if (!input.oaSecretKey && !before?.oaSecretKey) missing.oaSecretKey = "OA Secret Key: bắt buộc nhập.";
  if (Object.keys(missing).length) throw new ValidationError(missing);
  const next = {
    appId: input.appId,
    oaId: input.oaId,
    welcomeMessage: input.welcomeMessage ?? null,
  };
  const result = await withTransaction(ctx, async (ctx, tx) => {
    const [row] = await tx.select().from(zaloSettings).where(eq(zaloSettings.id, 1)).for("update");
    const values = {
      ...next,
      appSecretEnc: input.appSecret ? encryptSecret(input.appSecret) : row!.appSecretEnc,
      oaSecretKeyEnc: input.oaSecretKey ? encryptSecret(input.oaSecretKey) : row!.oaSecretKeyEnc,
      source: "admin",
      updatedAt: ctx.now ?? new Date(),
    };
    await tx
      .insert(zaloSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: zaloSettings.id, set: values });
    const changes: Record<string, unknown> = diff(
      { appId: before?.appId ?? null, oaId: before?.oaId ?? null, welcomeMessage: before?.welcomeMessage ?? null },
      next,
    );
    // Key names containing "secret" are redacted by the audit writer, so the changed fields are listed as values.
    const credentialsChanged = [
      ...(input.appSecret && input.appSecret !== before?.appSecret ? ["App Secret Key"] : []),
      ...(input.oaSecretKey && input.oaSecretKey !== before?.oaSecretKey ? ["OA Secret Key"] : []),
    ];
    if (credentialsChanged.length) changes.credentialsChanged = credentialsChanged;
    await writeAudit(tx, ctx, {
      action: "zalo.settings.save",
      entityType: "zalo_settings",
      entityId: 1,
      summary: `Cập nhật cấu hình kết nối Zalo OA ${input.oaId}`,
      changes,
    });
    return { oaId: input.oaId };
  });
  clearZaloSettingsCache();
  return result;
}
