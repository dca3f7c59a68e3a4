import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { useTestDb } from "@/db/testing";
import { createStaff } from "@/lib/staff/save";
import { seedTestOrg } from "@/lib/testing";
import { runFormAction, runFormActionWithResult } from "./form-action";

const lang = vi.hoisted(() => ({ value: undefined as string | undefined, me: null as unknown }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "lang" && lang.value ? { value: lang.value } : undefined) }),
}));
vi.mock("@/lib/auth/session", () => ({ sessionStaff: async () => lang.me }));

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
  lang.me = (await seedTestOrg(h.db)).admin;
});
afterAll(() => h.close());

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe("runFormAction", () => {
  const bad = { username: "x", fullName: "", password: "Matkhau@2026", passwordConfirm: "Matkhau@2026" };

  it("explains a refused form in Vietnamese by default", async () => {
    lang.value = undefined;
    const state = await runFormAction(form(bad), createStaff);
    expect(state.ok).toBe(false);
    expect(state.message).toBe("Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.");
    expect(state.fieldErrors?.fullName).toBe("Họ và tên: bắt buộc nhập.");
  });

  it("explains the same refusal in English for the lang=en cookie", async () => {
    lang.value = "en";
    const state = await runFormAction(form(bad), createStaff);
    expect(state.ok).toBe(false);
    expect(state.message).toBe("Some fields are not valid. Please check the marked fields.");
    expect(state.fieldErrors?.fullName).toBe("Full name: required.");
    expect(state.fieldErrors?.username).toBe("A username has 3–50 characters a–z, 0–9, dot, hyphen or underscore.");
  });
});

describe("runFormActionWithResult", () => {
  it("hands back what the verb returned beside the state, and nothing when it refused", async () => {
    lang.value = undefined;
    const saved = await runFormActionWithResult(form({}), async () => ({ id: 7 }));
    expect(saved).toEqual({ state: { ok: true, message: undefined }, result: { id: 7 } });
    const refused = await runFormActionWithResult(form({ username: "x", fullName: "" }), createStaff);
    expect(refused.state.ok).toBe(false);
    expect(refused.result).toBeUndefined();
  });
});
