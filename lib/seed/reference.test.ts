import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  calendarDays,
  dossiers,
  notificationTemplates,
  officeHours,
  procedures,
  staff,
  units,
  zaloFollowers,
} from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { officialCalendarDays } from "./calendar";
import { defaultNotificationTemplates } from "@/lib/notifications/default-templates";
import { demoProcedureEntries } from "./procedures";
import { seedReference } from "./reference";

let h: DbHandle;
beforeAll(async () => {
  h = await useTestDb();
});
afterAll(() => h.close());

async function rows(table: PgTable) {
  const [{ n }] = await h.db.select({ n: count() }).from(table);
  return n;
}

describe("reference data for a real deployment (db:seed:reference)", () => {
  it(
    "loads the procedure catalogue, holidays, office hours " + "and templates, and not one account, unit or citizen",
    async () => {
      const first = await h.db.transaction((tx) => seedReference(tx));
      expect(first.proceduresAdded).toBe(demoProcedureEntries.length);
      expect(await rows(procedures)).toBe(demoProcedureEntries.length);
      expect(await rows(calendarDays)).toBe(officialCalendarDays.length);
      expect(await rows(officeHours)).toBe(1);
      expect(await rows(notificationTemplates)).toBe(defaultNotificationTemplates.length);
      for (const table of [staff, units, dossiers, zaloFollowers]) expect(await rows(table)).toBe(0);
    },
  );

  it("runs again without duplicating anything and keeps what an admin edited", async () => {
    await h.db
      .update(notificationTemplates)
      .set({ zbsTemplateId: "987654", updatedBy: "admin" })
      .where(eq(notificationTemplates.eventType, "received"));
    const again = await h.db.transaction((tx) => seedReference(tx));
    expect(again.proceduresAdded).toBe(0);
    expect(await rows(procedures)).toBe(demoProcedureEntries.length);
    expect(await rows(calendarDays)).toBe(officialCalendarDays.length);
    const [received] = await h.db
      .select()
      .from(notificationTemplates)
      .where(eq(notificationTemplates.eventType, "received"));
    expect(received.zbsTemplateId).toBe("987654");
  });
});
