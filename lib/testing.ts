import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff, units } from "@/db/schema";
import { DEMO_PASSWORD } from "@/lib/seed";
import { seedOrg } from "@/lib/seed/org";
import { type Ctx, staffActor } from "@/lib/auth/actor";

/** The demo organisation (units + accounts) for tests; returns unit ids by key and a ctx per demo user. */
export async function seedTestOrg(db: Db) {
  const unitIds = await seedOrg(db, DEMO_PASSWORD);
  async function ctxOf(username: string): Promise<Ctx> {
    const [row] = await db
      .select({ s: staff, path: units.path })
      .from(staff)
      .innerJoin(units, eq(units.id, staff.unitId))
      .where(eq(staff.username, username));
    if (!row) throw new Error(`no staff ${username}`);
    return { actor: staffActor(row.s, row.path), ip: "127.0.0.1" };
  }
  return {
    unitIds,
    admin: await ctxOf("admin"),
    receptionist: await ctxOf("receptionist"),
    publisher: await ctxOf("publisher"),
    supervisor: await ctxOf("supervisor"),
    receptionistThanhSen: await ctxOf("receptionist.thanhsen"),
    ctxOf,
  };
}
