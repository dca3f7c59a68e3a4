import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { zaloTokens } from "@/db/schema";
import type { WorkerJob } from "@/lib/worker/loop";
import { getZaloSettings } from "./settings";
import { refreshAccessToken } from "./tokens";

const CHECK_EVERY_MS = 5 * 60_000;
const AHEAD_MS = 60 * 60_000;

/**
 * Keeps the OA connection alive when nothing is being sent: refreshes an access token expiring within the hour,
 * so the (3-month) refresh token keeps rotating. Failures are recorded by the token store for admins to see.
 */
export function zaloTokenKeepAliveJob(): WorkerJob {
  return {
    name: "zalo-token-keepalive",
    everyMs: CHECK_EVERY_MS,
    async runOnce() {
      const db = getDb();
      if (!(await getZaloSettings(db))) return 0;
      const [row] = await db.select().from(zaloTokens).where(eq(zaloTokens.id, 1));
      // Not yet used (first send refreshes) or failed (an admin must reconnect; sends still retry on their own).
      if (!row?.refreshTokenEnc || !row.accessTokenEnc || row.state === "failed") return 0;
      if (row.accessTokenExpiresAt && row.accessTokenExpiresAt.getTime() - Date.now() > AHEAD_MS) return 0;
      await refreshAccessToken(db, { force: true }).catch(() => undefined);
      return 0;
    },
  };
}
