import type { DbOrTx } from "@/db/client";
import type { Role } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { type Permission, roleCan } from "./permissions";

/** Who is acting: a signed-in staff member, an API key of a unit, or the system (worker, webhook). */
export interface Actor {
  kind: "staff" | "apikey" | "system";
  id: number | null;
  label: string;
  role: Role;
  unitId: number | null;
  unitPath: string;
  /** Permissions an API key's scopes add to its role (see lib/api/statistics.ts). */
  grants?: readonly Permission[];
  /** Reads its unit's whole subtree, as a supervisor does (an API key with the statistics scope). */
  readsSubtree?: boolean;
}

/** The actor of a staff member (the signed-in session's, or a test's). */
export function staffActor(s: { id: number; username: string; role: Role; unitId: number }, unitPath: string): Actor {
  return { kind: "staff", id: s.id, label: s.username, role: s.role, unitId: s.unitId, unitPath };
}

export interface Ctx {
  actor: Actor;
  ip: string | null;
  /** The database or the open transaction; verbs reach it through lib/services/context.ts, default getDb(). */
  db?: DbOrTx;
  /** The verb's clock (tests, seeds back-dating); default the current time. */
  now?: Date;
}

export const systemActor: Actor = {
  kind: "system",
  id: null,
  label: "Hệ thống",
  role: "admin",
  unitId: null,
  unitPath: "",
};

export function systemCtx(): Ctx {
  return { actor: systemActor, ip: null };
}

export function can(ctx: Ctx, permission: Permission): boolean {
  return roleCan(ctx.actor.role, permission) || (ctx.actor.grants?.includes(permission) ?? false);
}

export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (!can(ctx, permission)) throw new ForbiddenError(permission);
}
