import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications } from "@/db/schema";

/** The latest one-time code as the ZBS template carries it to the phone (only the phone's owner reads it). */
export async function latestPhoneCode(db: DbOrTx, phone84: string): Promise<string> {
  const [n] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.eventType, "phone:otp"), eq(notifications.recipient, phone84)))
    .orderBy(desc(notifications.id))
    .limit(1);
  return n.params.otp;
}
