import { desc, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, zaloOauthStates, zaloSettings, zaloTokens } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { zaloAdminView } from "./admin-view";
import { completeZaloOAuth, pkcePair, saveRefreshToken, startZaloOAuth } from "./connect";
import { saveZaloSettings } from "./save-settings";
import { getZaloSettings } from "./settings";
import { useZaloSimulator } from "@/lib/sim/testing";
import { getTokenState } from "./tokens";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let sim: Awaited<ReturnType<typeof useZaloSimulator>>;
type Tokens = { valid: string[]; spent: string[] };

const form = {
  appId: "3608465249409039670",
  appSecret: "new-app-secret-value",
  oaId: "1984375620194837261",
  oaSecretKey: "new-oa-secret-value",
  welcomeMessage: "Chào mừng Ông/Bà",
};

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  sim = await useZaloSimulator();
});
afterAll(async () => {
  await sim.close();
  await h.close();
});
beforeEach(async () => {
  await h.db.delete(zaloTokens);
  await h.db.delete(zaloSettings);
  await sim.control("/reset", {});
  await sim.control("/settings", { deliveryStatuses: false });
});

describe("OA settings verbs need zalo.settings", () => {
  it.each(["receptionist", "publisher", "supervisor"] as const)("%s is refused everywhere", async (who) => {
    const ctx = org[who];
    await expect(saveZaloSettings(ctx, form)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveRefreshToken(ctx, { refreshToken: "abcdefghijkl" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startZaloOAuth(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(completeZaloOAuth(ctx, { code: "c", state: "s" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(zaloAdminView(ctx)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("saveZaloSettings", () => {
  it("stores encrypted settings and audits without secrets", async () => {
    await saveZaloSettings(org.admin, form);
    const s = await getZaloSettings(h.db);
    expect(s).toMatchObject({
      appId: form.appId,
      appSecret: form.appSecret,
      oaSecretKey: form.oaSecretKey,
      welcomeMessage: "Chào mừng Ông/Bà",
    });
    const [row] = await h.db
      .select()
      .from(auditLog)
      .where(like(auditLog.action, "zalo.settings.save"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row.actorLabel).toBe("admin");
    const dumped = JSON.stringify(row);
    expect(dumped).not.toContain(form.appSecret);
    expect(dumped).not.toContain(form.oaSecretKey);
    expect(row.changes).toMatchObject({ credentialsChanged: ["App Secret Key", "OA Secret Key"] });
  });

  it("blank secret fields keep the stored secrets", async () => {
    await saveZaloSettings(org.admin, form);
    await saveZaloSettings(org.admin, { ...form, appSecret: "", oaSecretKey: "  ", welcomeMessage: "" });
    const s = await getZaloSettings(h.db);
    expect(s).toMatchObject({ appSecret: form.appSecret, oaSecretKey: form.oaSecretKey, welcomeMessage: null });
  });

  it("refuses bad input with Vietnamese messages per field", async () => {
    const saved = process.env.ZALO_APP_ID;
    delete process.env.ZALO_APP_ID; // no environment seed: secrets become required
    try {
      const err = await saveZaloSettings(org.admin, {
        appId: "có dấu cách",
        oaId: "",
        appSecret: "",
        oaSecretKey: "",
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).fieldErrors.appId).toMatch(/App ID/);
      expect((err as ValidationError).fieldErrors.oaId).toMatch(/bắt buộc/);
      const err2 = await saveZaloSettings(org.admin, { appId: "123", oaId: "456" }).catch((e: unknown) => e);
      expect((err2 as ValidationError).fieldErrors).toMatchObject({
        appSecret: expect.stringMatching(/bắt buộc/),
        oaSecretKey: expect.stringMatching(/bắt buộc/),
      });
    } finally {
      process.env.ZALO_APP_ID = saved;
    }
  });
});

describe("connecting the OA", () => {
  it("a pasted refresh token is spent at once for a working pair", async () => {
    await getZaloSettings(h.db); // seeds from the simulator environment
    await h.db.delete(zaloTokens);
    // A refresh token as the API Explorer would give: spend the bootstrap token to obtain one.
    const res = await fetch(`${sim.base}/oauth/v4/oa/access_token`, {
      method: "POST",
      headers: { secret_key: process.env.ZALO_APP_SECRET! },
      body: new URLSearchParams({
        app_id: process.env.ZALO_APP_ID!,
        grant_type: "refresh_token",
        refresh_token: process.env.ZALO_REFRESH_TOKEN!,
      }),
    });
    const { refresh_token } = (await res.json()) as { refresh_token: string };
    await saveRefreshToken(org.admin, { refreshToken: refresh_token });
    const state = await getTokenState(h.db);
    expect(state).toMatchObject({ state: "ok", hasAccessToken: true });
    expect((await sim.control<Tokens>("/tokens")).spent).toContain(refresh_token);
    const audits = await h.db.select().from(auditLog).where(like(auditLog.action, "zalo.token.paste"));
    expect(JSON.stringify(audits)).not.toContain(refresh_token);
  });

  it("a refresh token Zalo refuses is reported beside the field and the state shows the failure", async () => {
    await getZaloSettings(h.db);
    const err = await saveRefreshToken(org.admin, { refreshToken: "not-a-real-refresh-token" }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.refreshToken).toMatch(/Zalo từ chối/);
    expect((await getTokenState(h.db)).state).toBe("failed");
  });

  it("OAuth v4 with PKCE: permission link → callback exchanges the code once", async () => {
    await getZaloSettings(h.db);
    await h.db.delete(zaloTokens);
    const { url } = await startZaloOAuth(org.admin);
    const link = new URL(url);
    expect(link.pathname).toMatch(/\/v4\/oa\/permission$/);
    expect(link.searchParams.get("redirect_uri")).toMatch(/\/api\/zalo\/oauth\/callback$/);
    expect(link.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const consent = await fetch(url, { redirect: "manual" });
    const back = new URL(consent.headers.get("location")!);
    const params = {
      code: back.searchParams.get("code")!,
      state: back.searchParams.get("state")!,
      oaId: back.searchParams.get("oa_id")!,
    };
    expect(params.state).toBe(link.searchParams.get("state"));
    // Another admin cannot finish this admin's consent (and that attempt burns the state), so start again.
    const otherAdmin = { ...org.admin, actor: { ...org.admin.actor, id: 987654 } };
    expect(await completeZaloOAuth(otherAdmin, params).catch((e: unknown) => e)).toBeInstanceOf(ValidationError);
    const retry = new URL(
      (await fetch((await startZaloOAuth(org.admin)).url, { redirect: "manual" })).headers.get("location")!,
    );
    Object.assign(params, { code: retry.searchParams.get("code")!, state: retry.searchParams.get("state")! });
    await completeZaloOAuth(org.admin, params);
    expect((await getTokenState(h.db)).state).toBe("ok");
    expect(await h.db.select().from(zaloOauthStates)).toHaveLength(0);
    const replay = await completeZaloOAuth(org.admin, params).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(ValidationError);
  });

  it("refuses a code exchanged with the wrong verifier", async () => {
    await getZaloSettings(h.db);
    const { url } = await startZaloOAuth(org.admin);
    const link = new URL(url);
    link.searchParams.set("code_challenge", pkcePair().challenge); // an attacker's challenge
    const back = new URL((await fetch(link, { redirect: "manual" })).headers.get("location")!);
    const err = await completeZaloOAuth(org.admin, {
      code: back.searchParams.get("code")!,
      state: back.searchParams.get("state")!,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toMatch(/code_verifier/);
  });

  it("the admin view shows the webhook URL and no secret", async () => {
    await saveZaloSettings(org.admin, form);
    const view = await zaloAdminView(org.admin);
    expect(view.webhookUrl).toMatch(/\/api\/zalo\/webhook$/);
    expect(view.settings).toMatchObject({ appSecretSet: true, oaSecretKeySet: true, appId: form.appId });
    expect(JSON.stringify(view)).not.toContain(form.appSecret);
  });
});
