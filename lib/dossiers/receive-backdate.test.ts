import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { useTestDb } from "@/db/testing";
import { ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { receiveDossier } from "./receive";
import { transitionDossier } from "./transition";
import { apiCtxOf, citizen, seedTestProcedures } from "./testing";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let procs: Awaited<ReturnType<typeof seedTestProcedures>>;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  procs = await seedTestProcedures(h.db, org.unitIds.justice);
});
afterAll(() => h.close());
afterEach(() => vi.unstubAllEnvs());

async function fieldErrors(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).fieldErrors;
}

describe("what an integration key may claim", () => {
  it("may not date a reception further back than API_BACKDATE_DAYS", async () => {
    vi.stubEnv("API_BACKDATE_DAYS", "30");
    const api = await apiCtxOf(h.db, org.unitIds.center);
    const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
    expect(
      (await fieldErrors(receiveDossier(api, { ...citizen, procedureId: procs.birth, receivedAt: longAgo })))
        .receivedAt,
    ).toMatch(/30 ngày/);
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
    expect((await receiveDossier(api, { ...citizen, procedureId: procs.birth, receivedAt: lastWeek })).status).toBe(
      "received",
    );
  });

  it("may only give an https fee payment link on an allowed host", async () => {
    vi.stubEnv("FEE_PAYMENT_HOSTS", "dichvucong.gov.vn");
    const api = await apiCtxOf(h.db, org.unitIds.center);
    const d = await receiveDossier(api, { ...citizen, procedureId: procs.alcohol });
    const ask = (paymentUrl: string) =>
      transitionDossier(api, { code: d.code, to: "fee_requested", fee: { amount: 50_000, paymentUrl } });
    expect((await fieldErrors(ask("https://dichvucong.gov.vn.attacker.example/pay")))["fee.paymentUrl"]).toMatch(
      /cổng thanh toán được phép/,
    );
    expect((await fieldErrors(ask("http://thanhtoan.dichvucong.gov.vn/pay")))["fee.paymentUrl"]).toMatch(/https/);
    expect((await ask("https://thanhtoan.dichvucong.gov.vn/hs/1")).status).toBe("fee_requested");
  });
});
