import fs from "node:fs";
import path from "node:path";

/**
 * AUTH_SECRET signs sessions. Production refuses to run without one; outside production (demo, tests)
 * a random secret is kept in the data folder so restarts keep sessions valid.
 */
export function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (process.env.NODE_ENV === "production" && process.env.MOTCUA_DEMO !== "1") {
    throw new Error(
      "AUTH_SECRET chưa được đặt. Máy chủ không khởi động khi thiếu khóa ký phiên đăng nhập. / AUTH_SECRET is not set.",
    );
  }
  return ensureLocalSecret(path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data"));
}

export function ensureLocalSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomUUID() + crypto.randomUUID();
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
