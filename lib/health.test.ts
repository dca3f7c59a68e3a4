import { describe, expect, it } from "vitest";
import { openPostgres, setDbHandle } from "@/db/client";
import { useTestDb } from "@/db/testing";
import { GET } from "@/app/api/health/route";

describe("GET /api/health", () => {
  it("answers 200 ok when the database answers", async () => {
    const h = await useTestDb();
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
    await h.close();
  });
  it("answers 503 when the database is unreachable", async () => {
    const dead = openPostgres("postgres://nobody@127.0.0.1:1/none", { max: 1 });
    setDbHandle(dead);
    const res = await GET();
    expect(res.status).toBe(503);
    expect((await res.json()).db).toBe("unreachable");
    setDbHandle(undefined);
    await dead.close();
  });
});
