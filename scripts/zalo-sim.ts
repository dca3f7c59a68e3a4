import { isProductionWithoutDemo } from "@/lib/demo";
import { startSimServer } from "@/lib/sim/node-server";

/** npm run zalo:sim — the Zalo simulator on its own port (ZALO_SIM_PORT, default 3999). */
if (isProductionWithoutDemo()) {
  console.error(
    "Trình mô phỏng Zalo không chạy khi NODE_ENV=production trừ khi đặt MOTCUA_DEMO=1. / The Zalo simulator refuses " +
      "in production without MOTCUA_DEMO=1.",
  );
  process.exit(1);
}
const port = Number(process.env.ZALO_SIM_PORT || 3999);
const host = process.env.ZALO_SIM_HOST || "127.0.0.1";
const sim = await startSimServer(port, host);
console.log(`Zalo simulator: ${sim.url}/sim/zalo/{oauth,openapi,business,_control}`);
console.log(
  `  ZALO_OAUTH_URL=${sim.url}/sim/zalo/oauth ZALO_OPENAPI_URL=${sim.url}/sim/zalo/openapi ` +
    `ZALO_BUSINESS_URL=${sim.url}/sim/zalo/business`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void sim.close().then(() => process.exit(0)));
