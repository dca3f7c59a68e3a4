import { afterEach, describe, expect, it, vi } from "vitest";
import { demoFeatureEnabled } from "./demo";
import { simEnabled } from "./sim/config";

afterEach(() => vi.unstubAllEnvs());

describe("demo-only features under NODE_ENV=production", () => {
  it("keep the simulator and bench routes shut when only their own flag was copied into production", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("MOTCUA_DEMO", "");
    vi.stubEnv("ZALO_SIMULATOR", "1");
    expect(simEnabled()).toBe(false);
    expect(demoFeatureEnabled("1")).toBe(false);
    vi.stubEnv("MOTCUA_DEMO", "1");
    expect(simEnabled()).toBe(true);
  });

  it("open with their flag outside production (development, tests)", () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("MOTCUA_DEMO", "");
    expect(demoFeatureEnabled("1")).toBe(true);
    expect(demoFeatureEnabled(undefined)).toBe(false);
  });
});
