import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, zaloSettings, zaloTokens } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { zaloClient } from "./client";
import { decryptSecret } from "./crypto";
import { ZaloApiError } from "./errors";
import { getZaloSettings } from "./settings";
import { useZaloSimulator } from "@/lib/sim/testing";
import { zaloTokenKeepAliveJob } from "./token-job";
import { accessTokenCache, getAccessToken, getTokenState, refreshAccessToken, tokenRefreshFailed } from "./tokens";

let h: DbHandle;
let sim: Awaited<ReturnType<typeof useZaloSimulator>>;
type Tokens = { issued: string[]; spent: string[]; valid: string[]; accessIssued: number };

beforeAll(async () => {
  h = await useTestDb();
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

describe("settings from the environment", () => {
  it("seed once, encrypted at rest, with an audit row that holds no secret", async () => {
    const s = await getZaloSettings(h.db);
    expect(s?.oaSecretKey).toBe(process.env.ZALO_OA_SECRET_KEY);
    const [row] = await h.db.select().from(zaloSettings);
    expect(row.oaSecretKeyEnc).not.toContain(process.env.ZALO_OA_SECRET_KEY!);
    expect(decryptSecret(row.appSecretEnc)).toBe(process.env.ZALO_APP_SECRET);
    await getZaloSettings(h.db);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, "zalo.settings.seed_env"));
    expect(audits.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(audits)).not.toContain(process.env.ZALO_APP_SECRET!);
    expect(JSON.stringify(audits)).not.toContain(process.env.ZALO_REFRESH_TOKEN!);
  });
});

describe("token store", () => {
  it("spends the bootstrap refresh token on first use and reuses the access token until near expiry", async () => {
    const first = await getAccessToken(h.db);
    const second = await getAccessToken(h.db);
    expect(second).toBe(first);
    const tokens = await sim.control<Tokens>("/tokens");
    expect(tokens.spent).toEqual([process.env.ZALO_REFRESH_TOKEN]);
    expect(tokens.accessIssued).toBe(1);
    const state = await getTokenState(h.db);
    expect(state.state).toBe("ok");
    expect(state.accessTokenExpiresAt!.getTime() - Date.now()).toBeGreaterThan(24 * 3600_000);
  });

  it("refreshes ahead of expiry", async () => {
    await getAccessToken(h.db);
    await h.db.update(zaloTokens).set({ accessTokenExpiresAt: new Date(Date.now() + 5 * 60_000) });
    await getAccessToken(h.db);
    expect((await sim.control<Tokens>("/tokens")).accessIssued).toBe(2);
  });

  it("concurrent refreshes spend the refresh token exactly once; the new one is then the only valid one", async () => {
    await getAccessToken(h.db);
    const before = await sim.control<Tokens>("/tokens");
    await h.db.update(zaloTokens).set({ accessTokenExpiresAt: new Date(Date.now() - 1000) });
    // On PostgreSQL the pool gives each call its own connection (its own session), like two processes.
    const results = await Promise.all([
      refreshAccessToken(h.db),
      refreshAccessToken(h.db),
      getAccessToken(h.db),
      getAccessToken(h.db),
    ]);
    expect(new Set(results).size).toBe(1);
    const after = await sim.control<Tokens>("/tokens");
    expect(after.spent.length).toBe(before.spent.length + 1);
    const [row] = await h.db.select().from(zaloTokens);
    expect(after.valid).toEqual([decryptSecret(row.refreshTokenEnc!)]);
  });

  it("two forced refreshes after Zalo rejected the same token spend once", async () => {
    const rejected = await getAccessToken(h.db);
    const before = await sim.control<Tokens>("/tokens");
    const [a, b] = await Promise.all([
      refreshAccessToken(h.db, { force: true, rejectedToken: rejected }),
      refreshAccessToken(h.db, { force: true, rejectedToken: rejected }),
    ]);
    expect(a).toBe(b);
    expect(a).not.toBe(rejected);
    expect((await sim.control<Tokens>("/tokens")).spent.length).toBe(before.spent.length + 1);
  });

  it("a failed refresh records a visible failed state and callers get a token-kind error", async () => {
    await getAccessToken(h.db);
    expect(await tokenRefreshFailed(h.db)).toBe(false);
    const [row] = await h.db.select().from(zaloTokens);
    // Someone else spent our refresh token (e.g. a copy of the database): Zalo refuses it.
    const spent = decryptSecret(row.refreshTokenEnc!);
    await fetch(`${sim.base}/oauth/v4/oa/access_token`, {
      method: "POST",
      headers: { secret_key: process.env.ZALO_APP_SECRET! },
      body: new URLSearchParams({
        app_id: process.env.ZALO_APP_ID!,
        grant_type: "refresh_token",
        refresh_token: spent,
      }),
    });
    const err = await refreshAccessToken(h.db, { force: true, rejectedToken: "something-else-was-rejected-earlier" })
      .then(() => null)
      .catch((e: unknown) => e);
    // The stored token is fresh and not the rejected one: no refresh needed.
    expect(err).toBeNull();
    const failure = await refreshAccessToken(h.db, {
      force: true,
      rejectedToken: decryptSecret(row.accessTokenEnc!),
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ZaloApiError);
    expect((failure as ZaloApiError).kind).toBe("token");
    const state = await getTokenState(h.db);
    expect(state.state).toBe("failed");
    expect(state.lastError).toMatch(/refresh_token/);
    expect(state.lastErrorAt).toBeInstanceOf(Date);
    expect(await tokenRefreshFailed(h.db)).toBe(true);
  });

  it("without settings, callers get a token-kind error", async () => {
    const saved = process.env.ZALO_APP_ID;
    delete process.env.ZALO_APP_ID;
    try {
      const err = await getAccessToken(h.db).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ZaloApiError);
      expect((err as ZaloApiError).kind).toBe("token");
    } finally {
      process.env.ZALO_APP_ID = saved;
    }
  });
});

describe("access token cache (sending processes)", () => {
  it("reads the stored token once while it is fresh, and again after its time", async () => {
    const cache = accessTokenCache(60_000);
    const first = await cache.get(h.db);
    await h.db.update(zaloTokens).set({ accessTokenEnc: null });
    expect(await cache.get(h.db)).toBe(first);
    const short = accessTokenCache(0);
    await short.get(h.db);
    expect((await sim.control<Tokens>("/tokens")).accessIssued).toBe(2);
  });

  it("concurrent callers share one refresh instead of queueing a refresh transaction each", async () => {
    const cache = accessTokenCache(60_000);
    const transactions = vi.spyOn(h.db, "transaction");
    try {
      const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.get(h.db)));
      expect(new Set(tokens).size).toBe(1);
      expect(transactions).toHaveBeenCalledTimes(1);
    } finally {
      transactions.mockRestore();
    }
    expect((await sim.control<Tokens>("/tokens")).accessIssued).toBe(1);
  });

  it("a token Zalo rejects is forgotten: the client refreshes once and keeps the new one", async () => {
    const cache = accessTokenCache(60_000);
    const client = zaloClient(h.db, { tokenCache: cache });
    const citizens = await sim.control<{ citizens: { userId: string; isFollower: boolean }[] }>("/citizens");
    const follower = citizens.citizens.find((c) => c.isFollower)!;
    await client.sendConsultationText(follower.userId, "Lần 1");
    const before = await cache.get(h.db);
    await sim.control("/expire-tokens", {});
    await client.sendConsultationText(follower.userId, "Lần 2");
    const after = await cache.get(h.db);
    expect(after).not.toBe(before);
    expect(after).toBe(await getAccessToken(h.db));
    expect((await sim.control<Tokens>("/tokens")).spent).toHaveLength(2);
  });
});

describe("keep-alive job", () => {
  it("refreshes an access token expiring within the hour, and leaves a fresh one alone", async () => {
    await getAccessToken(h.db);
    const job = zaloTokenKeepAliveJob();
    const signal = new AbortController().signal;
    await job.runOnce("t", signal);
    expect((await sim.control<Tokens>("/tokens")).accessIssued).toBe(1);
    await h.db.update(zaloTokens).set({
      accessTokenExpiresAt: new Date(Date.now() + 30 * 60_000),
      refreshedAt: new Date(Date.now() - 24 * 3600_000),
    });
    await zaloTokenKeepAliveJob().runOnce("t", signal);
    expect((await sim.control<Tokens>("/tokens")).accessIssued).toBe(2);
    expect((await getTokenState(h.db)).accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);
  });
});

describe("client against the simulator", () => {
  it("a rejected token is refreshed once and the call retried once", async () => {
    const client = zaloClient(h.db);
    const citizens = await sim.control<{ citizens: { userId: string; isFollower: boolean }[] }>("/citizens");
    const follower = citizens.citizens.find((c) => c.isFollower)!;
    await client.sendConsultationText(follower.userId, "Lần 1");
    await sim.control("/expire-tokens", {});
    const before = await sim.control<Tokens>("/tokens");
    const sent = await client.sendConsultationText(follower.userId, "Lần 2");
    expect(sent.messageId).toMatch(/^[0-9a-f]{20}$/);
    const after = await sim.control<Tokens>("/tokens");
    expect(after.spent.length).toBe(before.spent.length + 1);
    expect(after.accessIssued).toBe(before.accessIssued + 1);
  });

  it("sends a template by phone and reads the quota; a permanent error is not retried", async () => {
    const client = zaloClient(h.db);
    const sent = await client.sendTemplateByPhone({
      phone: "84912345678",
      templateId: "310003",
      templateData: { customer_name: "Nguyễn Văn An", dossier_code: "H27.37-250101-0001", unit_name: "Sở Tư pháp" },
      trackingId: "dossier-1-v1",
    });
    expect(sent.msgId).toBeTruthy();
    expect(sent.quota).toEqual({ dailyQuota: 5000, remainingQuota: 4999 });
    const err = await client
      .sendTemplateByPhone({
        phone: "84912000118",
        templateId: "310003",
        templateData: { customer_name: "A", dossier_code: "B", unit_name: "C" },
        trackingId: "x",
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "permanent", code: -118 });
    const sends = await sim.control<{ perTracking: Record<string, number> }>("/sends");
    expect(sends.perTracking).toEqual({ "dossier-1-v1": 1 });
    const status = await client.getMessageStatus(sent.msgId);
    expect(status.status).toBe(0);
  });

  it("reads followers and user detail with ids as strings", async () => {
    const client = zaloClient(h.db);
    const list = await client.listFollowers(0, 50);
    expect(list.total).toBeGreaterThan(0);
    expect(typeof list.users[0].userId).toBe("string");
    const detail = await client.getUserDetail(list.users[0].userId);
    expect(detail.isFollower).toBe(true);
    expect(detail.displayName).toBeTruthy();
    await client.tagFollower(list.users[0].userId, "da-lien-ket");
    expect(await client.listTags()).toContain("da-lien-ket");
  });

  it("creates, verifies and broadcasts an article", async () => {
    const client = zaloClient(h.db);
    const { token } = await client.createArticle({
      type: "normal",
      title: "Lịch làm việc dịp Tết",
      description: "Thông báo",
      cover: { cover_type: "photo", photo_url: "https://example.test/a.jpg", status: "show" },
      body: [{ type: "text", content: "Nội dung" }],
    });
    const { articleId } = await client.verifyArticle(token);
    expect(articleId).toBeTruthy();
    expect((await client.broadcast(articleId!, { gender: "0" })).messageId).toBeTruthy();
    const up = await client.upload("image", new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }), "a.png");
    expect(up.attachmentId).toBeTruthy();
  });
});
