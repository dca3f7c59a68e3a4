import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const VERSION = "v1";

function parseKey(raw: string): Buffer {
  const trimmed = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32)
    throw new Error(
      "APP_ENCRYPTION_KEY phải là 32 byte (base64 hoặc hex). / APP_ENCRYPTION_KEY must be 32 bytes (base64 or hex).",
    );
  return key;
}

/**
 * The key protecting stored Zalo secrets. Production must set APP_ENCRYPTION_KEY; demo and tests keep a
 * generated key in the data folder (like the session secret) so restarts can still read what was stored.
 */
export function encryptionKey(): Buffer {
  const fromEnv = process.env.APP_ENCRYPTION_KEY;
  if (fromEnv) return parseKey(fromEnv);
  if (process.env.NODE_ENV === "production" && process.env.MOTCUA_DEMO !== "1") {
    throw new Error(
      "APP_ENCRYPTION_KEY chưa được đặt: không thể lưu khóa bí mật Zalo. / APP_ENCRYPTION_KEY is not set.",
    );
  }
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data");
  const file = path.join(dir, "encryption-key");
  try {
    return parseKey(fs.readFileSync(file, "utf8"));
  } catch {
    fs.mkdirSync(dir, { recursive: true });
    const key = crypto.randomBytes(32);
    try {
      fs.writeFileSync(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
      return key;
    } catch {
      // Another process created it first: use theirs.
      return parseKey(fs.readFileSync(file, "utf8"));
    }
  }
}

/** AES-256-GCM: "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encryptSecret(plain: string, key: Buffer = encryptionKey()): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    data.toString("base64url"),
  ].join(".");
}

/** Throws when the ciphertext was altered or was made with another key. */
export function decryptSecret(sealed: string, key: Buffer = encryptionKey()): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("Dữ liệu mã hóa không đúng định dạng.");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
