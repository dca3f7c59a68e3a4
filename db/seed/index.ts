import type { Db } from "../client";
import { seedOrg } from "./org";

export const DEMO_PASSWORD = "demo-password";

/** Demo data, safe to run any number of times. Each domain adds its own step here. */
export async function seedDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await seedOrg(tx, DEMO_PASSWORD);
  });
}
