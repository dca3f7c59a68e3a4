import bcrypt from "bcryptjs";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Role, type UnitKind, staff, unitCodes, units } from "@/db/schema";

interface UnitSeed {
  key: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  address?: string;
  /** Demo only: no published hotline was found for the centre. */
  hotline?: string;
  codes: { code: string; validFrom: string; validTo?: string }[];
}

/**
 * Hà Tĩnh after the 1/7/2025 two-tier reorganisation (../shared/data/units.json). Codes marked "demo"
 * in the README were not found in public sources and are illustrative only.
 */
const demoUnits: UnitSeed[] = [
  {
    key: "province",
    name: "Ủy ban nhân dân tỉnh Hà Tĩnh",
    kind: "province",
    codes: [{ code: "000.00.00.H27", validFrom: "2017-09-28" }],
  },
  {
    key: "office",
    name: "Văn phòng Ủy ban nhân dân tỉnh Hà Tĩnh",
    kind: "department",
    parent: "province",
    codes: [
      { code: "000.00.01.H27", validFrom: "2017-09-28", validTo: "2021-06-30" },
      { code: "H27.01", validFrom: "2021-07-01" },
    ],
  },
  {
    key: "center",
    name: "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh",
    kind: "service_center",
    parent: "office",
    address: "Số 02A, đường Nguyễn Chí Thanh, phường Thành Sen, tỉnh Hà Tĩnh",
    hotline: "0239 3 000 037",
    codes: [{ code: "H27.37", validFrom: "2025-07-01" }],
  },
  {
    key: "justice",
    name: "Sở Tư pháp tỉnh Hà Tĩnh",
    kind: "department",
    parent: "province",
    codes: [{ code: "000.15.00.H27", validFrom: "2025-07-01" }],
  },
  {
    key: "health",
    name: "Sở Y tế tỉnh Hà Tĩnh",
    kind: "department",
    parent: "province",
    codes: [{ code: "000.18.00.H27", validFrom: "2025-07-01" }],
  },
  {
    key: "thanhsen",
    name: "Ủy ban nhân dân phường Thành Sen",
    kind: "commune",
    parent: "province",
    codes: [{ code: "H27.18073", validFrom: "2025-07-01" }],
  },
  {
    key: "thachha",
    name: "Ủy ban nhân dân xã Thạch Hà",
    kind: "commune",
    parent: "province",
    codes: [{ code: "H27.18562", validFrom: "2025-07-01" }],
  },
];

export const demoAccounts: { username: string; fullName: string; role: Role; unit: string }[] = [
  { username: "admin", fullName: "Quản trị hệ thống", role: "admin", unit: "province" },
  { username: "receptionist", fullName: "Nguyễn Thị Hương", role: "receptionist", unit: "center" },
  { username: "publisher", fullName: "Trần Văn Minh", role: "publisher", unit: "office" },
  { username: "supervisor", fullName: "Lê Quang Đức", role: "supervisor", unit: "office" },
  { username: "receptionist.thanhsen", fullName: "Phạm Thị Lan", role: "receptionist", unit: "thanhsen" },
];

/** Idempotent: finds units by name under their parent and accounts by user name before inserting. */
export async function seedOrg(db: DbOrTx, demoPassword: string): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const u of demoUnits) {
    const parentId = u.parent ? ids[u.parent] : null;
    const [found] = await db
      .select()
      .from(units)
      .where(and(eq(units.name, u.name), parentId ? eq(units.parentId, parentId) : isNull(units.parentId)));
    let id = found?.id;
    if (!id) {
      const parentPath = parentId
        ? (await db.select({ path: units.path }).from(units).where(eq(units.id, parentId)))[0].path
        : "/";
      const [row] = await db
        .insert(units)
        .values({ name: u.name, kind: u.kind, parentId, address: u.address, hotline: u.hotline })
        .returning({ id: units.id });
      id = row.id;
      await db
        .update(units)
        .set({ path: `${parentPath}${id}/` })
        .where(eq(units.id, id));
    }
    ids[u.key] = id;
    for (const c of u.codes) {
      await db
        .insert(unitCodes)
        .values({ unitId: id, code: c.code, validFrom: c.validFrom, validTo: c.validTo ?? null })
        .onConflictDoNothing();
    }
  }
  const hash = await bcrypt.hash(demoPassword, 11);
  for (const a of demoAccounts) {
    await db
      .insert(staff)
      .values({ username: a.username, fullName: a.fullName, role: a.role, unitId: ids[a.unit], passwordHash: hash })
      .onConflictDoNothing({ target: staff.username });
  }
  return ids;
}
