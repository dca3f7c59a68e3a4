import { describe, expect, it } from "vitest";
import { verifyZaloEventSignature, zaloEventSignature } from "./signature";

const body = JSON.stringify({
  app_id: "123",
  event_name: "follow",
  timestamp: "1700000000000",
  follower: { id: "84" },
});

describe("Zalo webhook signature", () => {
  const sig = zaloEventSignature("123", body, "1700000000000", "oa-secret");
  it("accepts the signature made the documented way, with or without the mac= prefix", () => {
    expect(sig).toMatch(/^mac=[0-9a-f]{64}$/);
    expect(verifyZaloEventSignature(sig, "123", body, "1700000000000", "oa-secret")).toBe(true);
    expect(verifyZaloEventSignature(sig.slice(4).toUpperCase(), "123", body, "1700000000000", "oa-secret")).toBe(true);
  });
  it("rejects a changed body, secret, timestamp or a missing header", () => {
    expect(verifyZaloEventSignature(sig, "123", body.replace("follow", "fillow"), "1700000000000", "oa-secret")).toBe(
      false,
    );
    expect(verifyZaloEventSignature(sig, "123", body, "1700000000000", "other")).toBe(false);
    expect(verifyZaloEventSignature(sig, "123", body, "1700000000001", "oa-secret")).toBe(false);
    expect(verifyZaloEventSignature(null, "123", body, "1700000000000", "oa-secret")).toBe(false);
  });
});
