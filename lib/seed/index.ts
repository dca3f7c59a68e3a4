import type { Db } from "@/db/client";
import { seedAnnouncements } from "./announcements";
import { seedCalendar } from "./calendar";
import { seedDemoConversations } from "./conversations";
import { seedHomeSupport } from "./home-support";
import { seedDemoDossiers } from "./dossiers";
import { seedNotifications } from "./notifications";
import { seedOrg } from "./org";
import { seedProcedures } from "./procedures";
import { seedReportYear } from "./report-year";

export const DEMO_PASSWORD = "demo-password";

/** Demo data, safe to run any number of times. Each domain adds its own step here. */
export async function seedDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await seedOrg(tx, DEMO_PASSWORD);
    await seedNotifications(tx);
    await seedProcedures(tx);
    await seedCalendar(tx);
    await seedAnnouncements(tx);
    await seedHomeSupport(tx);
  });
  // Dossiers go through the real intake and lifecycle services, which open their own transactions.
  await seedDemoDossiers(db);
  await seedReportYear(db);
  await seedDemoConversations(db);
}
