import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { simIdentity } from "./config";
import { startSimServer } from "./node-server";
import { resetSimState, simState } from "./state";
import { simTemplateByEvent } from "./templates";

let sim: Awaited<ReturnType<typeof startSimServer>>;
let base: string;
let token: string;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json", access_token: token, ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: number; data?: Record<string, unknown> },
  };
}

async function getToken(refreshToken = simIdentity().bootstrapRefreshToken) {
  const id = simIdentity();
  const res = await fetch(`${base}/oauth/v4/oa/access_token`, {
    method: "POST",
    headers: { secret_key: id.appSecret, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ app_id: id.appId, grant_type: "refresh_token", refresh_token: refreshToken }),
  });
  return (await res.json()) as { access_token?: string; refresh_token?: string; expires_in?: string; error?: number };
}

const received = simTemplateByEvent.received;
const receivedData = {
  customer_name: "Nguyễn Văn An",
  dossier_code: "H27.37-250101-0001",
  procedure_name: "Cấp bản sao trích lục hộ tịch",
  received_date: "01/01/2025",
  due_date: "03/01/2025",
  lookup_url: "http://localhost:3000/tra-cuu",
};
const zns = (over: Record<string, unknown> = {}) => ({
  phone: "84912345678",
  template_id: received.id,
  template_data: receivedData,
  tracking_id: "t-1",
  ...over,
});

beforeAll(async () => {
  sim = await startSimServer(0);
  base = `${sim.url}/sim/zalo`;
});
afterAll(() => sim.close());
beforeEach(async () => {
  resetSimState();
  simState().settings.deliveryStatuses = false;
  token = (await getToken()).access_token!;
});

describe("Zalo simulator: OAuth", () => {
  it("issues a pair for the bootstrap refresh token once, and refuses it the second time", async () => {
    const again = await getToken();
    expect(again.access_token).toBeUndefined();
    expect(again.error).toBeLessThan(0);
  });

  it("rotates refresh tokens: the new one works once, the spent one never again", async () => {
    const state = simState();
    const current = state.refreshIssued.at(-1)!;
    const next = await getToken(current);
    expect(next.access_token).toBeTruthy();
    expect(next.expires_in).toBe("90000");
    expect((await getToken(current)).error).toBeLessThan(0);
    const res = await fetch(`${base}/_control/tokens`);
    const tokens = (await res.json()) as { valid: string[] };
    expect(tokens.valid).toEqual([next.refresh_token]);
  });

  it("refuses a wrong secret_key", async () => {
    const id = simIdentity();
    const res = await fetch(`${base}/oauth/v4/oa/access_token`, {
      method: "POST",
      headers: { secret_key: "wrong" },
      body: new URLSearchParams({ app_id: id.appId, grant_type: "refresh_token", refresh_token: "x" }),
    });
    expect(((await res.json()) as { error: number }).error).toBeLessThan(0);
  });
});

describe("Zalo simulator: template message by phone", () => {
  it("accepts a valid send, records it per tracking id and counts duplicates", async () => {
    const first = await call("POST", "/business/message/template", zns());
    expect(first.body.error).toBe(0);
    expect(first.body.data?.msg_id).toMatch(/^[0-9a-f]{20}$/);
    expect(first.body.data?.quota).toEqual({ dailyQuota: "5000", remainingQuota: "4999" });
    await call("POST", "/business/message/template", zns());
    const sends = (await (await fetch(`${base}/_control/sends?tracking_id=t-1`)).json()) as {
      perTracking: Record<string, number>;
    };
    expect(sends.perTracking["t-1"]).toBe(2);
  });

  it("answers -108 for a phone not in 84… form", async () => {
    expect((await call("POST", "/business/message/template", zns({ phone: "0912345678" }))).body.error).toBe(-108);
  });

  it("answers each magic phone ending with its error code", async () => {
    expect((await call("POST", "/business/message/template", zns({ phone: "84912000118" }))).body.error).toBe(-118);
    expect((await call("POST", "/business/message/template", zns({ phone: "84912000213" }))).body.error).toBe(-213);
    expect((await call("POST", "/business/message/template", zns({ phone: "84912000133" }))).body.error).toBe(-133);
  });

  it("refuses an unknown template and parameters that do not match the template", async () => {
    expect((await call("POST", "/business/message/template", zns({ template_id: "999" }))).body.error).toBe(-109);
    const { lookup_url: _omit, ...missing } = receivedData;
    const wrong = await call("POST", "/business/message/template", zns({ template_data: missing }));
    expect(wrong.body.error).toBe(-112);
    expect(String(wrong.body.message)).toContain("missing lookup_url");
    const extra = await call(
      "POST",
      "/business/message/template",
      zns({ template_data: { ...receivedData, surprise: "x" } }),
    );
    expect(String(extra.body.message)).toContain("unknown surprise");
    const long = await call(
      "POST",
      "/business/message/template",
      zns({ template_data: { ...receivedData, customer_name: "A".repeat(31) } }),
    );
    expect(long.body.error).toBe(-1121);
  });

  it("needs a valid access token (-216), also after the tokens were expired on purpose", async () => {
    expect((await call("POST", "/business/message/template", zns(), { access_token: "" })).body.error).toBe(-216);
    expect(
      (await call("POST", "/business/message/template", zns(), { access_token: "simat.1.2.3.forged" })).body.error,
    ).toBe(-216);
    await fetch(`${base}/_control/expire-tokens`, { method: "POST" });
    expect((await call("POST", "/business/message/template", zns())).body.error).toBe(-216);
  });
});

describe("Zalo simulator: consultation messages", () => {
  const follower = () => [...simState().citizens.values()].find((c) => c.isFollower)!;
  const stranger = () => [...simState().citizens.values()].find((c) => !c.isFollower)!;

  it("delivers to a follower who interacted recently and shows it in their chat", async () => {
    const c = follower();
    const res = await call("POST", "/openapi/v3.0/oa/message/cs", {
      recipient: { user_id: c.userId },
      message: { text: "Xin chào" },
    });
    expect(res.body.error).toBe(0);
    expect(c.chat.at(-1)?.text).toBe("Xin chào");
  });

  it(
    "answers -213 to a citizen who does not follow the " + "OA, and to everyone under the not-a-follower fault",
    async () => {
      const res = await call("POST", "/openapi/v3.0/oa/message/cs", {
        recipient: { user_id: stranger().userId },
        message: { text: "Xin chào" },
      });
      expect(res.body.error).toBe(-213);
      await fetch(`${base}/_control/faults`, { method: "POST", body: JSON.stringify({ notFollower: true }) });
      expect(
        (
          await call("POST", "/openapi/v3.0/oa/message/cs", {
            recipient: { user_id: follower().userId },
            message: { text: "x" },
          })
        ).body.error,
      ).toBe(-213);
    },
  );

  it(
    "bills a consultation from 48 h, accepts it until 7 " + "days, answers -230 from 7 days (zalo-api.md §6.4)",
    async () => {
      const c = follower();
      const send = async (text: string, hoursAgo: number, slackMs: number) => {
        c.lastInteractionAt = Date.now() - hoursAgo * 3600_000 + slackMs;
        return (
          await call("POST", "/openapi/v3.0/oa/message/cs", { recipient: { user_id: c.userId }, message: { text } })
        ).body.error;
      };
      expect(await send("free", 48, 5_000)).toBe(0);
      expect(c.chat.at(-1)).toMatchObject({ text: "free", billing: "free" });
      expect(await send("paid48", 48, 0)).toBe(0);
      expect(c.chat.at(-1)).toMatchObject({ text: "paid48", billing: "paid" });
      expect(await send("paid7", 7 * 24, 5_000)).toBe(0);
      expect(c.chat.at(-1)).toMatchObject({ text: "paid7", billing: "paid" });
      expect(await send("late", 7 * 24, 0)).toBe(-230);
      expect(c.chat.at(-1)?.text).toBe("paid7");
    },
  );

  it("refuses a body without recipient or message", async () => {
    expect((await call("POST", "/openapi/v3.0/oa/message/cs", { message: { text: "x" } })).body.error).toBe(-201);
    expect(
      (await call("POST", "/openapi/v3.0/oa/message/cs", { recipient: { user_id: follower().userId } })).body.error,
    ).toBe(-201);
  });
});

describe("Zalo simulator: faults", () => {
  it("rate limit answers -32 after the allowed calls", async () => {
    await fetch(`${base}/_control/faults`, { method: "POST", body: JSON.stringify({ rateLimitPerMinute: 2 }) });
    await call("GET", "/business/message/quota");
    await call("GET", "/business/message/quota");
    expect((await call("GET", "/business/message/quota")).body.error).toBe(-32);
  });

  it("error rate 1 with 5xx answers HTTP 502", async () => {
    await fetch(`${base}/_control/faults`, { method: "POST", body: JSON.stringify({ errorRate: 1 }) });
    const res = await fetch(`${base}/business/message/quota`, { headers: { access_token: token } });
    expect(res.status).toBe(502);
  });
});
