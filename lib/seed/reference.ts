import type { DbOrTx } from "@/db/client";
import { seedCalendar } from "./calendar";
import { seedNotifications } from "@/lib/notifications/default-templates";
import { seedProcedures } from "./procedures";

/**
 * The reference data a real deployment starts from, without a single account, unit or citizen: the procedure
 * catalogue, the official holidays and office hours, and the notification templates (a real OA puts its own
 * approved ZBS template ids on the admin page). Idempotent, and keeps what an admin has edited.
 */
export async function seedReference(tx: DbOrTx): Promise<{ proceduresAdded: number }> {
  await seedNotifications(tx);
  const proceduresAdded = await seedProcedures(tx);
  await seedCalendar(tx);
  return { proceduresAdded };
}
