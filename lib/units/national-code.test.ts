import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { useTestDb } from "@/db/testing";
import { ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { publicLookup } from "@/lib/dossiers/public-lookup";
import { receiveDossier } from "@/lib/dossiers/receive";
import { receptionDay } from "@/lib/dossiers/code";
import { apiCtxOf, citizen, seedTestProcedures } from "@/lib/dossiers/testing";
import { updateUnit } from "./save";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;
let procs: Awaited<ReturnType<typeof seedTestProcedures>>;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
  procs = await seedTestProcedures(h.db, org.unitIds.justice);
});
afterAll(() => h.close());

describe("national codes and local codes share no key space", () => {
  it(
    "refuses another unit's next local code offered as " + "a national code; the victim's intake then succeeds",
    async () => {
      const attacker = await apiCtxOf(h.db, org.unitIds.center);
      const victimNext = `H27.18073-${receptionDay(new Date()).yymmdd}-0001`;
      const squat = receiveDossier(attacker, {
        ...citizen,
        procedureId: procs.birth,
        channel: "online",
        startAs: "submitted",
        nationalCode: victimNext,
      });
      const err = await squat.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).fieldErrors.nationalCode).toMatch(/mã định danh của một đơn vị/);

      const victim = await receiveDossier(org.receptionistThanhSen, { ...citizen, procedureId: procs.birth });
      expect(victim.code).toBe(victimNext);
      const seen = await publicLookup({ code: victimNext, ip: "203.0.113.9" }, h.db);
      expect(seen).toMatchObject({ kind: "masked", code: victimNext });
    },
  );

  it(
    "refuses a former unit code too, and a new unit code " + "that national codes already use as their prefix",
    async () => {
      const api = await apiCtxOf(h.db, org.unitIds.center);
      await expect(
        receiveDossier(api, {
          ...citizen,
          procedureId: procs.birth,
          channel: "online",
          startAs: "submitted",
          nationalCode: "000.00.01.H27-250801-0001",
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      await receiveDossier(api, {
        ...citizen,
        procedureId: procs.birth,
        channel: "online",
        startAs: "submitted",
        nationalCode: "G22.99-250801-0042",
      });
      await expect(
        updateUnit(org.admin, { id: org.unitIds.center, name: "Trung tâm", kind: "service_center", code: "G22.99" }),
      ).rejects.toBeInstanceOf(ValidationError);
    },
  );
});
