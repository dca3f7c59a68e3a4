import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/announcements/route";
import { GET as readRoute } from "@/app/api/v1/announcements/[id]/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import type { DbHandle } from "@/db/client";
import { announcements, auditLog } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { seedTestOrg } from "@/lib/testing";
import { createApiKey } from "./create-key";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let officeKey: string;
let thanhSenKey: string;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  officeKey = (await createApiKey(org.admin, { unitId: org.unitIds.office, name: "Cổng thông tin tỉnh" })).key;
  thanhSenKey = (await createApiKey(org.admin, { unitId: org.unitIds.thanhsen, name: "Phường Thành Sen" })).key;
});
afterAll(() => h.close());

const BASE = "http://localhost:3000/api/v1";
const noParams = { params: Promise.resolve({}) } as never;

async function create(body: unknown, key: string | null = officeKey) {
  const res = await createRoute(
    new Request(`${BASE}/announcements`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    }),
    noParams,
  );
  return { res, json: await res.json() };
}

async function read(id: string | number, key = officeKey) {
  const res = await readRoute(
    new Request(`${BASE}/announcements/${id}`, { headers: { authorization: `Bearer ${key}` } }),
    { params: Promise.resolve({ id: String(id) }) },
  );
  return { res, json: await res.json() };
}

describe("POST /api/v1/announcements", () => {
  it("lands a CMS draft awaiting approval in the key's unit, audited", async () => {
    const { res, json } = await create({
      title: "Bãi bỏ thủ tục xác nhận tình trạng hôn nhân",
      summary: "Từ 01/7/2025 không còn yêu cầu giấy xác nhận.",
      body: [
        { type: "text", content: "Người dân không phải nộp giấy xác nhận tình trạng hôn nhân." },
        { type: "image", url: "https://hatinh.gov.vn/anh.jpg", caption: "Bộ phận một cửa" },
        { type: "link", url: "https://hatinh.gov.vn/tin/1", text: "Toàn văn" },
      ],
      category: "thu_tuc",
    });
    expect(res.status).toBe(201);
    expect(json).toEqual({ id: expect.any(Number), status: "submitted" });
    const [row] = await h.db.select().from(announcements).where(eq(announcements.id, json.id));
    expect(row).toMatchObject({ unitId: org.unitIds.office, source: "api", category: "thu_tuc" });
    expect(
      await h.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "announcement"), eq(auditLog.entityId, String(json.id)))),
    ).toHaveLength(1);
    const got = await read(json.id);
    expect(got.json).toMatchObject({
      id: json.id,
      status: "submitted",
      publicUrl: null,
      counts: { total: 0, sent: 0 },
    });
  });

  it("answers field errors as the dossier API does, by JSON path", async () => {
    const { res, json } = await create({
      title: "",
      body: [{ type: "link", url: "javascript:alert(1)", text: "x" }, { type: "video" }],
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const fields = json.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["title", "body[0].url", "body[1].type"]));
    expect((await create({ title: "x", body: "không phải mảng" })).json.errors).toEqual([
      { field: "body", message: "Nội dung: phải là một mảng các khối." },
    ]);
  });

  it("refuses a missing key; another unit's key does not see the announcement", async () => {
    expect((await create({ title: "x", body: [] }, null)).res.status).toBe(401);
    const { json } = await create({ title: "Tin của văn phòng", body: [] });
    expect((await read(json.id, thanhSenKey)).res.status).toBe(404);
    expect((await read("1; drop table x")).res.status).toBe(404);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = await (await openApiRoute()).json();
    expect(doc.paths["/announcements"].post.requestBody.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/AnnouncementDraft",
    );
    expect(doc.components.schemas.AnnouncementDraft.required).toEqual(expect.arrayContaining(["title", "body"]));
  });
});
