import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, dossiers } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { GET as ratingsRoute } from "@/app/api/v1/ratings/route";
import { GET as statisticsRoute } from "@/app/api/v1/statistics/route";
import { createApiKey } from "@/lib/api/create-key";
import { openApiDocument } from "@/lib/api/openapi";
import { ratingsViaApi, statisticsViaApi } from "@/lib/api/statistics";
import { receiveDossier } from "@/lib/dossiers/receive";
import { apiCtxOf, citizen, seedTestProcedures } from "@/lib/dossiers/testing";
import { transitionDossier } from "@/lib/dossiers/transition";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { submitWebRating } from "@/lib/ratings/submit";
import { seedTestOrg } from "@/lib/testing";
import { exportStatutoryReport, statutoryCsv } from "./export";
import { addDays, vnDay } from "./period";
import { ratingsCsvStream } from "./ratings-csv";
import { ratingsFeed } from "./ratings-feed";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
const today = vnDay(new Date());

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  const procs = await seedTestProcedures(h.db, org.unitIds.justice);
  for (const [unitId, n] of [
    [org.unitIds.center, 5],
    [org.unitIds.thanhsen, 2],
  ] as const) {
    const ctx = await apiCtxOf(h.db, unitId);
    for (let i = 0; i < n; i++) {
      const r = await receiveDossier(ctx, { ...citizen, procedureId: procs.birth });
      for (const to of ["assigned", "appraising", "awaiting_signature", "result_ready", "returned"])
        await transitionDossier(ctx, { code: r.code, to });
      const [d] = await h.db.select().from(dossiers).where(eq(dossiers.id, r.id));
      await submitWebRating(
        { code: r.code, level: i % 2 ? "satisfied" : "very_satisfied" },
        d.lookupSecret,
        null,
        h.db,
      );
    }
  }
});
afterAll(() => h.close());

const caller = async (unitId: number) => ({ keyId: 1, scopes: ["statistics.read"], ctx: await apiCtxOf(h.db, unitId) });
const url = (path: string, q: Record<string, string> = {}) =>
  new URL(`http://x/api/v1/${path}?${new URLSearchParams({ from: addDays(today, -1), to: today, ...q })}`);

describe("GET /api/v1/statistics and /api/v1/ratings", () => {
  it("answers with the figures of the key's unit subtree only", async () => {
    const centre = await statisticsViaApi(await caller(org.unitIds.center), url("statistics"));
    expect(centre.status).toBe(200);
    const body = centre.body as {
      dossiers: { received: { total: number }; returned: number };
      ratings: { rated: number; ratio766: number };
      statutory: { byUnit: { name: string }[] };
    };
    expect(body.dossiers.received.total).toBe(5);
    expect(body.ratings).toMatchObject({ rated: 5, ratio766: 1 });
    expect(body.statutory.byUnit.map((r) => r.name)).toEqual([
      "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh",
      "Tổng cộng",
    ]);
    const province = await statisticsViaApi(await caller(org.unitIds.province), url("statistics"));
    expect((province.body as typeof body).dossiers.received.total).toBe(7);
    const narrowed = await statisticsViaApi(
      await caller(org.unitIds.province),
      url("statistics", { unit: "H27.18073" }),
    );
    expect((narrowed.body as typeof body).dossiers.received.total).toBe(2);
  });

  it("refuses another unit's code and a bad period", async () => {
    await expect(
      statisticsViaApi(await caller(org.unitIds.center), url("statistics", { unit: "H27.18073" })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      statisticsViaApi(await caller(org.unitIds.center), url("statistics", { unit: "KHONG-CO" })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      statisticsViaApi(await caller(org.unitIds.center), url("statistics", { from: today, to: addDays(today, -3) })),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("pages through ratings with a cursor, each once, inside the key's scope", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await ratingsViaApi(
          await caller(org.unitIds.province),
          url("ratings", { limit: "3", ...(cursor ? { cursor } : {}) }),
        )
      ).body as {
        items: { dossierCode: string; level: string; channel: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((i) => i.dossierCode));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const centre = (await ratingsViaApi(await caller(org.unitIds.center), url("ratings"))).body as {
      items: { dossierCode: string }[];
    };
    expect(centre.items.every((i) => i.dossierCode.startsWith("H27.37-"))).toBe(true);
    await expect(
      ratingsViaApi(await caller(org.unitIds.center), url("ratings", { cursor: "forged" })),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("streams the same ratings as CSV for a supervisor: one line each, with its code and labels", async () => {
    const q = { from: addDays(today, -1), to: today };
    const feed = await ratingsFeed(org.supervisor, q);
    expect(feed.items.length).toBeGreaterThan(0);
    const csv = await new Response(await ratingsCsvStream(org.supervisor, q)).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^"Mã hồ sơ","Mức đánh giá","Kênh"/);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(feed.items.map((i) => `"${i.dossierCode}"`));
    expect(csv).toContain(',"Rất hài lòng",');
  });

  it("needs a key with the statistics scope, and keeps a key inside its own unit's subtree", async () => {
    const key = async (unitId: number, scopes: string[]) =>
      (await createApiKey(org.admin, { unitId, name: `k${unitId}-${scopes.length}`, scopes })).key;
    const noParams = { params: Promise.resolve({}) } as never;
    const get = async (route: typeof statisticsRoute, path: string, bearer: string, q: Record<string, string> = {}) => {
      const res = await route(new Request(url(path, q), { headers: { authorization: `Bearer ${bearer}` } }), noParams);
      return { status: res.status, json: await res.json() };
    };
    // A dossier-intake key of the province itself has no statistics scope: refused for both reads.
    const intakeOnly = await key(org.unitIds.province, []);
    for (const [route, path] of [
      [statisticsRoute, "statistics"],
      [ratingsRoute, "ratings"],
    ] as const) {
      const refused = await get(route, path, intakeOnly);
      expect(refused.status).toBe(403);
      expect(refused.json.detail).toContain("statistics.read");
    }
    // A commune's key with the scope sees its commune, and nothing of the centre or the province above it.
    const commune = await key(org.unitIds.thanhsen, ["statistics.read"]);
    const own = await get(statisticsRoute, "statistics", commune);
    expect(own.status).toBe(200);
    expect(own.json.dossiers.received.total).toBe(2);
    for (const unit of ["H27.37", "000.00.00.H27"]) {
      const outside = await get(statisticsRoute, "statistics", commune, { unit });
      expect(outside.status, unit).toBe(404);
      expect(JSON.stringify(outside.json)).not.toContain("received");
      expect((await get(ratingsRoute, "ratings", commune, { unit })).status, unit).toBe(404);
    }
    const ratingsOfCommune = await get(ratingsRoute, "ratings", commune);
    expect(ratingsOfCommune.json.items).toHaveLength(2);
    expect(
      ratingsOfCommune.json.items.every((i: { dossierCode: string }) => i.dossierCode.startsWith("H27.18073-")),
    ).toBe(true);
    // The province's key with the scope reads its subtree.
    const province = await get(statisticsRoute, "statistics", await key(org.unitIds.province, ["statistics.read"]));
    expect(province.json.dossiers.received.total).toBe(7);
    // An unknown scope is refused when the key is made.
    await expect(
      createApiKey(org.admin, { unitId: org.unitIds.province, name: "x", scopes: ["dossiers.delete"] }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("is described in the OpenAPI document", () => {
    const doc = openApiDocument();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/statistics", "/ratings"]));
    expect(doc.paths["/ratings"].get.operationId).toBe("listRatings");
  });
});

describe("statutory report export (/bao-cao/xuat)", () => {
  const centreName = "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh";
  const exportRows = () =>
    h.db.select().from(auditLog).where(eq(auditLog.action, "statutory_report.export")).orderBy(auditLog.id);
  const vnDate = (d: string) => d.split("-").reverse().join("/");

  it("gives a supervisor the file and writes one audit row naming the period and the unit", async () => {
    const before = (await exportRows()).length;
    const from = addDays(today, -1);
    const report = await exportStatutoryReport(org.supervisor, {
      from,
      to: today,
      unit: String(org.unitIds.center),
      format: "csv",
    });
    expect(report.format).toBe("csv");
    expect(report.rows.map((r) => [r.name, r.total])).toEqual([
      [centreName, 5],
      ["Tổng cộng", 5],
    ]);
    const csv = statutoryCsv(report);
    expect(csv).toContain(`từ ngày ${vnDate(from)} đến ngày ${vnDate(today)}`);
    expect(csv).toContain(`Phạm vi: ${centreName}`);
    const rows = await exportRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actorId: org.supervisor.actor.id,
      unitId: org.unitIds.center,
      entityType: "statutory_report",
      changes: {
        filter: { from, to: today, unit: { id: org.unitIds.center, name: centreName }, by: "unit", format: "csv" },
        rows: 2,
      },
    });
  });

  it("names the period it defaulted to, and the caller's own unit, when the query leaves them out", async () => {
    const before = (await exportRows()).length;
    const report = await exportStatutoryReport(org.supervisor, { by: "field" });
    expect(report.format).toBe("xlsx");
    const rows = await exportRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      unitId: org.supervisor.actor.unitId,
      changes: { filter: { from: `${today.slice(0, 8)}01`, to: today, unit: null, by: "field", format: "xlsx" } },
    });
  });

  it("refuses a role without reports.read, another unit's report and a bad format, writing no audit row", async () => {
    const before = (await exportRows()).length;
    for (const role of [org.receptionist, org.publisher, org.receptionistThanhSen])
      await expect(exportStatutoryReport(role, { format: "csv" })).rejects.toBeInstanceOf(ForbiddenError);
    // The supervisor's office is above the centre, not above the commune of Thành Sen.
    await expect(
      exportStatutoryReport(org.supervisor, { unit: String(org.unitIds.thanhsen), format: "csv" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportStatutoryReport(org.supervisor, { format: "pdf" })).rejects.toBeInstanceOf(ValidationError);
    expect(await exportRows()).toHaveLength(before);
  });
});
