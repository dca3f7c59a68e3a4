import { startServer } from "./server-process";

process.env.NEXT_TELEMETRY_DISABLED = "1";
if (!process.env.AUTH_SECRET && process.env.MOTCUA_DEMO !== "1") {
  console.error(
    "Thiếu AUTH_SECRET: máy chủ không khởi động. Đặt AUTH_SECRET (ví dụ: openssl rand -base64 32). / AUTH_SECRET is " +
      "required in production.",
  );
  process.exit(1);
}
await startServer(process.env.PORT || "3000");
