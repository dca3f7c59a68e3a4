import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createDossierRoute } from "@/app/api/v1/dossiers/route";
import { GET as readRoute } from "@/app/api/v1/dossiers/[code]/route";
import { POST as transitionRoute } from "@/app/api/v1/dossiers/[code]/transitions/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import type { DbHandle } from "@/db/client";
import { apiIdempotency, apiKeys, auditLog, dossierEvents, dossierHistory, dossiers, procedures } from "@/db/schema";
import { seedProcedures } from "@/lib/seed/procedures";
import { useTestDb } from "@/db/testing";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { createApiKey } from "./create-key";
import { listApiKeys } from "./key-queries";
import { revokeApiKey } from "./revoke-key";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let centreKey: string;
let thanhSenKey: string;
let procedureCode: string;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  await seedProcedures(h.db);
  const [p] = await h.db
    .select({ code: procedures.code })
    .from(procedures)
    .where(and(eq(procedures.unitId, org.unitIds.center), sql`${procedures.code} is not null`))
    .limit(1);
  procedureCode = p.code!;
  centreKey = (await createApiKey(org.admin, { unitId: org.unitIds.center, name: "Một cửa điện tử" })).key;
  thanhSenKey = (await createApiKey(org.admin, { unitId: org.unitIds.thanhsen, name: "Phường Thành Sen" })).key;
});
afterAll(() => h.close());

const BASE = "http://localhost:3000/api/v1";
const noParams = { params: Promise.resolve({}) } as never;

function post(path: string, body: unknown, key: string | null, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function intake(overrides: Record<string, unknown> = {}) {
  return {
    procedureCode,
    channel: "direct",
    submitter: {
      name: "Nguyễn Văn An",
      idNumber: "042090001234",
      phone: "0912 345 678",
      email: "an@example.vn",
      address: "Phường Thành Sen, Hà Tĩnh",
    },
    notifyZalo: true,
    ...overrides,
  };
}

async function create(body: unknown, key = centreKey, headers: Record<string, string> = {}) {
  const res = await createDossierRoute(post("/dossiers", body, key, headers), noParams);
  const text = await res.text();
  return { res, text, json: JSON.parse(text) };
}

async function transition(code: string, body: unknown, key = centreKey, headers: Record<string, string> = {}) {
  const res = await transitionRoute(post(`/dossiers/${encodeURIComponent(code)}/transitions`, body, key, headers), {
    params: Promise.resolve({ code }),
  });
  return { res, json: await res.json() };
}

async function read(code: string, key = centreKey) {
  const req = new Request(`${BASE}/dossiers/${encodeURIComponent(code)}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const res = await readRoute(req, { params: Promise.resolve({ code }) });
  return { res, json: await res.json() };
}

const countDossiers = async () => (await h.db.select({ n: sql<number>`count(*)::int` }).from(dossiers))[0].n;

describe("API keys", () => {
  it("only holders of apikeys.manage create, list or revoke keys", async () => {
    for (const ctx of [org.receptionist, org.publisher, org.supervisor]) {
      await expect(createApiKey(ctx, { unitId: org.unitIds.center, name: "x" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listApiKeys(ctx)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revokeApiKey(ctx, { id: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("stores only a hash, shows the prefix, audits creation without the key", async () => {
    const created = await createApiKey(org.admin, { unitId: org.unitIds.center, name: "  Khóa   kiểm thử " });
    expect(created.key).toMatch(/^mcz_[A-Za-z0-9_-]{40,}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row.name).toBe("Khóa kiểm thử");
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.key);
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "apikey.create"), eq(auditLog.entityId, String(created.id))));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).not.toContain(created.key);
    const listed = await listApiKeys(org.admin);
    expect(listed.find((k) => k.id === created.id)).toMatchObject({
      prefix: created.prefix,
      unitName: expect.any(String),
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(row.hash);
  });

  it("explains a missing name or unit in Vietnamese", async () => {
    const err = await createApiKey(org.admin, { unitId: "", name: "" }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.name).toMatch(/Tên khóa/);
    expect(err.fieldErrors.unitId).toMatch(/đơn vị/);
  });

  it("answers 401 problem+json without a key, with a bad key, and after revocation", async () => {
    for (const auth of [null, "mcz_notarealkeyatallnotarealkeyatall1234567", "garbage"]) {
      const { res, json } = await create(intake(), auth as string);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(json).toMatchObject({
        status: 401,
        title: expect.any(String),
        detail: expect.stringContaining("khóa API"),
        type: expect.stringContaining("unauthorized"),
      });
    }
    const doomed = await createApiKey(org.admin, { unitId: org.unitIds.center, name: "Sắp thu hồi" });
    const before = await countDossiers();
    expect((await create(intake(), doomed.key)).res.status).toBe(201);
    await revokeApiKey(org.admin, { id: doomed.id });
    expect((await create(intake(), doomed.key)).res.status).toBe(401);
    expect(await countDossiers()).toBe(before + 1);
    const [audit] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "apikey.revoke"), eq(auditLog.entityId, String(doomed.id))));
    expect(audit.summary).toContain("Sắp thu hồi");
  });
});

describe("POST /api/v1/dossiers", () => {
  it("receives a dossier through the intake service: 201 with code, status, due date and look-up URL", async () => {
    const { res, json } = await create(intake());
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(Object.keys(json).sort()).toEqual(["code", "dueAt", "lookupUrl", "status"]);
    expect(json.code).toMatch(/^H27\.37-\d{6}-\d{4,}$/);
    expect(json.status).toBe("received");
    expect(new Date(json.dueAt).getTime()).toBeGreaterThan(Date.now());
    expect(json.lookupUrl).toMatch(new RegExp(`/tra-cuu/${json.code.replace(/\./g, "\\.")}\\?t=[A-Za-z0-9_-]{20,}$`));

    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.code, json.code));
    expect(d.unitId).toBe(org.unitIds.center);
    expect(d.submitterPhone84).toBe("84912345678");
    expect(d.ownerName).toBe("Nguyễn Văn An");
    expect(d.notifyZalo).toBe(true);
    expect(d.zaloConsentAt).not.toBeNull();
    expect(d.zaloConsentChannel).toBe("api");
    const history = await h.db.select().from(dossierHistory).where(eq(dossierHistory.dossierId, d.id));
    expect(history.map((x) => [x.toStatus, x.actorLabel])).toEqual([["received", "apikey:Một cửa điện tử"]]);
    const events = await h.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id));
    expect(events.map((e) => e.type)).toContain("received");
    const [audit] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "dossier.receive"), eq(auditLog.entityId, json.code)));
    expect(audit.actorLabel).toBe("apikey:Một cửa điện tử");
    const [keyRow] = await h.db.select().from(apiKeys).where(eq(apiKeys.name, "Một cửa điện tử"));
    expect(keyRow.lastUsedAt).not.toBeNull();
  });

  it("keeps a separate owner and the national portal's code", async () => {
    const { res, json } = await create(
      intake({
        owner: { name: "Trần Thị Bình", idNumber: "042190005678", phone: "+84 987 654 321" },
        channel: "online",
        nationalCode: "g22.99-260302-0042",
      }),
    );
    expect(res.status).toBe(201);
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.code, json.code));
    expect(d).toMatchObject({
      ownerSameAsSubmitter: false,
      ownerName: "Trần Thị Bình",
      ownerPhone84: "84987654321",
      nationalCode: "G22.99-260302-0042",
      channel: "online",
    });
  });

  it("names each bad field by its JSON path, in Vietnamese, as problem+json, and stores nothing", async () => {
    const before = await countDossiers();
    const { res, json } = await create(
      intake({ submitter: { name: "Lê Văn Cường", idNumber: "12345", phone: "0123" } }),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(json).toMatchObject({
      type: expect.stringContaining("validation"),
      title: expect.any(String),
      status: 422,
      detail: expect.any(String),
    });
    const fields = Object.fromEntries(json.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(fields["submitter.phone"]).toMatch(/điện thoại/);
    expect(fields["submitter.idNumber"]).toMatch(/CCCD/);

    const unknown = await create(intake({ procedureCode: "9.999999" }));
    expect(unknown.res.status).toBe(422);
    expect(unknown.json.errors).toEqual([{ field: "procedureCode", message: expect.stringMatching(/Thủ tục/) }]);

    const types = await create({ ...intake(), notifyZalo: "có", submitter: "Nguyễn Văn An", channel: "fax" });
    expect(types.res.status).toBe(422);
    expect(types.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "channel",
      "notifyZalo",
      "submitter",
    ]);
    expect(types.json.errors.every((e: { message: string }) => /[àáảãạăâđêôơư]/i.test(e.message))).toBe(true);

    const { notifyZalo: _, ...withoutTick } = intake({
      submitter: { name: "Lê Văn Cường", idNumber: "12345", phone: "0123" },
    });
    const together = await create(withoutTick);
    expect(together.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "notifyZalo",
      "submitter.idNumber",
      "submitter.phone",
    ]);

    const owner = await create(intake({ owner: { name: "Chủ hồ sơ" } }));
    expect(owner.json.errors.map((e: { field: string }) => e.field)).toEqual(["owner.idNumber"]);

    const malformed = await createDossierRoute(post("/dossiers", "{not json", centreKey), noParams);
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
    expect(await countDossiers()).toBe(before);
  });

  it("an Idempotency-Key retry returns the identical first answer and creates one dossier", async () => {
    const before = await countDossiers();
    const headers = { "idempotency-key": "retry-0001" };
    const first = await create(intake(), centreKey, headers);
    const second = await create(intake(), centreKey, headers);
    expect(first.res.status).toBe(201);
    expect(second.res.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.res.headers.get("idempotent-replayed")).toBe("true");
    // Same JSON with keys in another order is the same request.
    const reordered = await create(Object.fromEntries(Object.entries(intake()).reverse()), centreKey, headers);
    expect(reordered.text).toBe(first.text);
    expect(await countDossiers()).toBe(before + 1);

    const reused = await create(intake({ notifyZalo: false }), centreKey, headers);
    expect(reused.res.status).toBe(422);
    expect(reused.json.type).toContain("idempotency");
    // The same idempotency key under another API key is another request.
    const otherUnit = await create(intake(), thanhSenKey, headers);
    expect(otherUnit.json.code).not.toBe(first.json.code);
  });

  it("concurrent duplicates with one Idempotency-Key run once", async () => {
    const before = await countDossiers();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => create(intake(), centreKey, { "idempotency-key": "burst-42" })),
    );
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.every((a) => a.res.status === 201)).toBe(true);
    expect(await countDossiers()).toBe(before + 1);
    const rows = await h.db.select().from(apiIdempotency).where(eq(apiIdempotency.idempotencyKey, "burst-42"));
    expect(rows).toHaveLength(1);
  });

  it("replays a refused request's answer too, and frees the key of a failed one", async () => {
    const bad = intake({ submitter: { name: "X", idNumber: "1" } });
    const first = await create(bad, centreKey, { "idempotency-key": "bad-1" });
    const again = await create(bad, centreKey, { "idempotency-key": "bad-1" });
    expect(first.res.status).toBe(422);
    expect(again.text).toBe(first.text);
    expect(again.res.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("POST /api/v1/dossiers/{code}/transitions", () => {
  it("moves a dossier (200), refuses an illegal move with 409 and the Vietnamese message", async () => {
    const { json: created } = await create(intake());
    const ok = await transition(created.code, { to: "assigned", note: "Phân công chuyên viên" });
    expect(ok.res.status).toBe(200);
    expect(ok.json).toEqual({ code: created.code, status: "assigned" });

    const illegal = await transition(created.code, { to: "returned" });
    expect(illegal.res.status).toBe(409);
    expect(illegal.res.headers.get("content-type")).toBe("application/problem+json");
    expect(illegal.json.detail).toBe('Không thể chuyển hồ sơ từ trạng thái "Phân công thụ lý" sang "Đã trả kết quả".');
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.code, created.code));
    expect(d.status).toBe("assigned");

    const fee = await transition(created.code, { to: "fee_requested" });
    expect(fee.res.status).toBe(422);
    expect(fee.json.errors).toEqual([{ field: "fee.amount", message: expect.stringMatching(/phí/) }]);
    const feeOk = await transition(created.code, {
      to: "fee_requested",
      fee: { amount: 50000, paymentUrl: "https://pay.example.vn/x" },
    });
    expect(feeOk.json.status).toBe("fee_requested");
  });

  it("404 for an unknown code and for another unit's dossier, which stays untouched", async () => {
    const unknown = await transition("H27.37-990101-0001", { to: "assigned" });
    expect(unknown.res.status).toBe(404);
    expect(unknown.res.headers.get("content-type")).toBe("application/problem+json");

    const { json: created } = await create(intake());
    const foreign = await transition(created.code, { to: "assigned" }, thanhSenKey);
    expect(foreign.res.status).toBe(404);
    expect(foreign.json.detail).toBe(unknown.json.detail);
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.code, created.code));
    expect(d.status).toBe("received");
  });

  it("an idempotent retry of a transition returns the first answer instead of a 409", async () => {
    const { json: created } = await create(intake());
    const headers = { "idempotency-key": `move-${created.code}` };
    const first = await transition(created.code, { to: "assigned" }, centreKey, headers);
    const retry = await transition(created.code, { to: "assigned" }, centreKey, headers);
    expect(first.res.status).toBe(200);
    expect(retry.res.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    const history = await h.db
      .select()
      .from(dossierHistory)
      .innerJoin(dossiers, eq(dossiers.id, dossierHistory.dossierId))
      .where(eq(dossiers.code, created.code));
    expect(history).toHaveLength(2);
  });
});

describe("GET /api/v1/dossiers/{code}", () => {
  it("returns the dossier with its history; the secret only inside lookupUrl", async () => {
    const { json: created } = await create(intake({ owner: { name: "Võ Thị Cúc", idNumber: "042195001111" } }));
    await transition(created.code, { to: "assigned", note: "Giao chuyên viên Lan" });
    const { res, json } = await read(created.code.toLowerCase());
    expect(res.status).toBe(200);
    expect(json).toMatchObject({
      code: created.code,
      status: "assigned",
      statusLabel: "Phân công thụ lý",
      nationalStatusCode: 4,
      procedure: { code: procedureCode },
      submitter: { name: "Nguyễn Văn An", idNumber: "042090001234", phone: "84912345678" },
      owner: { name: "Võ Thị Cúc", idNumber: "042195001111" },
      notifyZalo: true,
      dueAt: created.dueAt,
      lookupUrl: created.lookupUrl,
    });
    expect(
      json.history.map((x: { from: string | null; to: string; note: string | null }) => [x.from, x.to, x.note]),
    ).toEqual([
      [null, "received", null],
      ["received", "assigned", "Giao chuyên viên Lan"],
    ]);
    const [d] = await h.db.select().from(dossiers).where(eq(dossiers.code, created.code));
    const secretAt = JSON.stringify(json).split(d.lookupSecret).length - 1;
    expect(secretAt).toBe(1);
    expect(json).not.toHaveProperty("lookupSecret");
    expect(json).not.toHaveProperty("searchText");
  });

  it("404 for an unknown code and for another unit's dossier; 401 without a key", async () => {
    const { json: created } = await create(intake());
    const unknown = await read("H27.37-990101-0009");
    expect(unknown.res.status).toBe(404);
    const foreign = await read(created.code, thanhSenKey);
    expect(foreign.res.status).toBe(404);
    expect(foreign.json).toEqual(unknown.json);
    const anonymous = await readRoute(new Request(`${BASE}/dossiers/${created.code}`), {
      params: Promise.resolve({ code: created.code }),
    });
    expect(anonymous.status).toBe(401);
  });
});

describe("rate limit", () => {
  it("refuses a key over its per-minute budget with 429 and Retry-After", async () => {
    const { key } = await createApiKey(org.admin, { unitId: org.unitIds.center, name: "Giới hạn" });
    process.env.API_RATE_LIMIT_PER_MINUTE = "2";
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await create({}, key)).res.status);
      expect(statuses.slice(0, 2)).toEqual([422, 422]);
      const limited = await create({}, key);
      expect(limited.res.status).toBe(429);
      expect(Number(limited.res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.json.detail).toMatch(/giới hạn/);
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });

  it("counts concurrent requests of one key exactly: those within the budget pass, the rest get 429", async () => {
    const { key } = await createApiKey(org.admin, { unitId: org.unitIds.center, name: "Đồng thời" });
    process.env.API_RATE_LIMIT_PER_MINUTE = "10";
    // Mid-minute, so the 25 requests fall in one window.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2031-05-05T03:00:20Z") });
    try {
      const statuses = (await Promise.all(Array.from({ length: 25 }, () => create({}, key)))).map((r) => r.res.status);
      expect(statuses.filter((s) => s === 422)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    } finally {
      vi.useRealTimers();
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document listing every route with its schemas", async () => {
    const res = openApiRoute();
    expect(res.status).toBe(200);
    const doc = JSON.parse(await res.text());
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/announcements",
        "/announcements/{id}",
        "/dossiers",
        "/dossiers/{code}",
        "/dossiers/{code}/transitions",
      ]),
    );
    expect(doc.paths["/dossiers"].post.responses["201"].content["application/json"].schema.$ref).toBe(
      "#/components/schemas/DossierCreated",
    );
    expect(doc.components.schemas.DossierIntake.required).toEqual(
      expect.arrayContaining(["procedureCode", "channel", "submitter", "notifyZalo"]),
    );
    expect(doc.components.schemas.DossierTransition.properties.to.enum).toContain("returned");
    expect(doc.components.schemas.Problem.properties.errors).toBeDefined();
    expect(doc.components.securitySchemes.bearerKey).toMatchObject({ type: "http", scheme: "bearer" });
    // Every $ref points at something the document defines.
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/[^"]+"/g) ?? [];
    for (const r of refs) {
      const [, , kind, name] = r.slice(8, -1).split("/");
      expect(doc.components[kind]?.[name], r).toBeDefined();
    }
  });
});

describe("request body limit", () => {
  it("stops reading an endless chunked body at 256 kB and answers 413", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`{"pad":"${"x".repeat(64 * 1024)}`);
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += chunk.byteLength;
        if (pulled > 64 * 1024 * 1024) c.close();
        else c.enqueue(chunk);
      },
    });
    const req = new Request(`${BASE}/dossiers`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${centreKey}` },
      body: endless,
      duplex: "half",
    } as RequestInit);
    const res = await createDossierRoute(req, noParams);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(1024 * 1024);
  });
});
