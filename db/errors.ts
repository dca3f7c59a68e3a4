/**
 * Whether a database error (or one it wraps: drizzle puts the driver's error in `cause`) is a unique
 * violation, optionally of one named constraint. postgres.js names it `constraint_name`, PGlite `constraint`.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string; constraint?: string };
    if (pg.code === "23505") return constraint === undefined || (pg.constraint_name ?? pg.constraint) === constraint;
  }
  return false;
}
