import { dbHandle, isEmbedded } from "../db/client";
import { WEBHOOK_PATH, listen, webhookListener } from "../lib/zalo-webhook/webhook-listener";
import { log } from "../lib/log";

/**
 * npm run webhook: the Zalo webhook on its own port (WEBHOOK_PORT, default 3001), against PostgreSQL.
 * Route POST /api/zalo/webhook to it from the reverse proxy; the workers process what it stores.
 */
if (isEmbedded()) {
  console.error(
    "npm run webhook cần DATABASE_URL (PostgreSQL). Với cơ sở dữ liệu nhúng, webhook chạy trong máy chủ chính. / The " +
      "webhook listener needs DATABASE_URL; in embedded mode the portal serves the webhook itself.",
  );
  process.exit(2);
}
const handle = dbHandle();
const server = webhookListener();
const url = await listen(server, Number(process.env.WEBHOOK_PORT || 3001), process.env.WEBHOOK_HOST || "127.0.0.1");
log.info({ url: `${url}${WEBHOOK_PATH}` }, "zalo webhook listener started");
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    server.close(async () => {
      await handle.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  });
}
