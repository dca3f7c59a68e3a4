import { and, eq, or, sql } from "drizzle-orm";
import { dossiers, zaloFollowers } from "@/db/schema";
import { type Ctx, requirePermission } from "@/lib/auth/actor";
import { inUnitScope } from "@/lib/auth/scope";
import { normalizeVnMobile } from "@/lib/phone";
import { dbOf } from "@/lib/services/context";

/** Whose phone routing uses: the submitter's, else the owner's. */
type Contact = { phone84: string; of: "submitter" | "owner" };

export type DossierZaloAccount =
  | { kind: "noMobile" }
  | ({ kind: "none" } & Contact)
  | ({ kind: "claimed" } & Contact)
  | ({
      kind: "proven";
      displayName: string | null;
      confirmedAt: Date | null;
      following: boolean;
      /** Other accounts that proved the same phone (a confirmation leaves earlier links as they are). */
      others: number;
    } & Contact);

/**
 * Which Zalo account the contact phone of a Zalo-registered dossier reaches: the phone routing uses
 * (submitter's, else owner's), an account that proved it, or only a claim, whose account is not named: an
 * unproven claim may be anyone's. Null outside the caller's units or when the dossier takes no Zalo messages.
 */
export async function dossierZaloAccount(ctx: Ctx, dossierId: number): Promise<DossierZaloAccount | null> {
  requirePermission(ctx, "notifications.read");
  const contact = sql<string | null>`coalesce(${dossiers.submitterPhone84}, ${dossiers.ownerPhone84})`;
  const rows = await dbOf(ctx)
    .select({
      notifyZalo: dossiers.notifyZalo,
      submitterPhone: dossiers.submitterPhone84,
      contact,
      provenPhone: zaloFollowers.phone84,
      displayName: zaloFollowers.displayName,
      confirmedAt: zaloFollowers.phoneConfirmedAt,
      following: zaloFollowers.following,
    })
    .from(dossiers)
    .leftJoin(zaloFollowers, or(eq(zaloFollowers.phone84, contact), eq(zaloFollowers.phoneClaim84, contact)))
    .where(and(eq(dossiers.id, dossierId), inUnitScope(ctx, dossiers.unitId)))
    // The account routing would pick first: still following, most recently active.
    .orderBy(
      sql`${zaloFollowers.following} desc nulls last`,
      sql`${zaloFollowers.lastInteractionAt} desc nulls last`,
      sql`${zaloFollowers.id} desc`,
    );
  const [first] = rows;
  if (!first?.notifyZalo) return null;
  const phone84 = normalizeVnMobile(first.contact);
  if (!phone84) return { kind: "noMobile" };
  const of = first.submitterPhone ? ("submitter" as const) : ("owner" as const);
  const proven = rows.filter((r) => r.provenPhone === phone84);
  if (proven.length) {
    const [p] = proven;
    return {
      kind: "proven",
      phone84,
      of,
      displayName: p.displayName,
      confirmedAt: p.confirmedAt,
      following: !!p.following,
      others: proven.length - 1,
    };
  }
  return { kind: rows.some((r) => r.following !== null) ? "claimed" : "none", phone84, of };
}
