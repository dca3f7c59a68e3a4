import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./crypto";

describe("secret encryption (AES-256-GCM)", () => {
  const key = crypto.randomBytes(32);

  it("round-trips Vietnamese text and uses a fresh IV each time", () => {
    const a = encryptSecret("khóa bí mật OA — Hà Tĩnh", key);
    const b = encryptSecret("khóa bí mật OA — Hà Tĩnh", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("bí mật");
    expect(decryptSecret(a, key)).toBe("khóa bí mật OA — Hà Tĩnh");
  });

  it("detects a tampered ciphertext, tag or a wrong key", () => {
    const sealed = encryptSecret("refresh-token-value", key);
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join("."), key)).toThrow();
    const badTag = Buffer.from(tag, "base64url");
    badTag[3] ^= 0x80;
    expect(() => decryptSecret([v, iv, badTag.toString("base64url"), data].join("."), key)).toThrow();
    expect(() => decryptSecret(sealed, crypto.randomBytes(32))).toThrow();
    expect(() => decryptSecret("not-a-secret", key)).toThrow();
  });

  it("reads APP_ENCRYPTION_KEY as hex or base64 and refuses a short key", async () => {
    const { encryptionKey } = await import("./crypto");
    const saved = process.env.APP_ENCRYPTION_KEY;
    try {
      process.env.APP_ENCRYPTION_KEY = key.toString("hex");
      expect(encryptionKey().equals(key)).toBe(true);
      process.env.APP_ENCRYPTION_KEY = key.toString("base64");
      expect(encryptionKey().equals(key)).toBe(true);
      process.env.APP_ENCRYPTION_KEY = "c2hvcnQ=";
      expect(() => encryptionKey()).toThrow(/32 byte/);
    } finally {
      if (saved === undefined) delete process.env.APP_ENCRYPTION_KEY;
      else process.env.APP_ENCRYPTION_KEY = saved;
    }
  });
});
