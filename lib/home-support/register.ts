import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type HomeSupportRegistration, type HomeSupportSlot, homeSupportRegistrations } from "@/db/schema";
import { systemCtx } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write";
import { foldForSearch } from "@/lib/text";

export const OPEN_STATUSES = ["new", "verified", "contacted", "scheduled"] as const;

function registrationSearchText(
  r: Pick<HomeSupportRegistration, "code" | "citizenName" | "phone84" | "address" | "procedureText">,
): string {
  const localPhone = r.phone84 ? `0${r.phone84.slice(2)}` : null;
  return foldForSearch(
    [r.code, r.citizenName, r.phone84, localPhone, r.address, r.procedureText].filter(Boolean).join(" "),
  );
}

export interface NewRegistration {
  unitId: number;
  oaUserId: string;
  citizenName: string;
  phone84: string | null;
  address: string | null;
  consentAt: Date;
  consentText: string;
  procedureId: number | null;
  procedureText: string;
  slotDate: string;
  slot: HomeSupportSlot;
}

/** Records a confirmed registration (its place already taken) with its booking code "HT-00042", and the audit row. */
export async function insertRegistration(tx: DbOrTx, input: NewRegistration): Promise<HomeSupportRegistration> {
  const [row] = await tx
    .insert(homeSupportRegistrations)
    .values({ ...input, code: `pending-${crypto.randomUUID()}` })
    .returning();
  const code = `HT-${String(row.id).padStart(5, "0")}`;
  const [done] = await tx
    .update(homeSupportRegistrations)
    .set({ code, searchText: registrationSearchText({ ...row, code }) })
    .where(eq(homeSupportRegistrations.id, row.id))
    .returning();
  await writeAudit(tx, systemCtx(), {
    action: "homesupport.register",
    entityType: "home_support_registration",
    entityId: done.id,
    unitId: done.unitId,
    summary:
      `Người dân đăng ký hỗ trợ tại nhà qua Zalo OA ` +
      `(${code}): ${done.procedureText}, ${done.slot === "morning" ? "sáng" : "chiều"} ${done.slotDate}`,
  });
  return done;
}
