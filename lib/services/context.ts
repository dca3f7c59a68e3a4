import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { type DbOrTx, type Tx, getDb } from "@/db/client";
import type { Ctx } from "@/lib/auth/actor";

/** A Ctx whose db is the open transaction: what a verb hands to the verbs and helpers it calls. */
export type TxCtx = Ctx & { db: Tx };

function isTx(db: DbOrTx): db is Tx {
  return is(db, PgTransaction);
}

/**
 * Runs `fn` in the caller's transaction when ctx.db already is one (a verb called by another verb joins it),
 * else in a new transaction on ctx.db or the process's database.
 */
export async function withTransaction<T>(ctx: Ctx, fn: (ctx: TxCtx, tx: Tx) => Promise<T>): Promise<T> {
  const db = ctx.db ?? getDb();
  if (isTx(db)) return fn({ ...ctx, db }, db);
  return db.transaction((tx) => fn({ ...ctx, db: tx }, tx));
}

/** The handle for a verb that needs no transaction of its own: the caller's open one (it sees its writes) or the db. */
export function dbOf(ctx: Ctx): DbOrTx {
  return ctx.db ?? getDb();
}
