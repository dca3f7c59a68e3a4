import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { auditLog, staff, unitCodes, units } from "../db/schema";
import type { AuditAction } from "../lib/audit/actions";
import { argValue, withDatabase } from "./cli";

const usage =
  `Cách dùng / usage:
  npm run admin:create -- --username <tên> --name "<Họ tên>" [--unit-id <id>] [--unit-name "<Tên đơn vị>" ` +
  `--unit-code <mã định danh>]
Mật khẩu được đọc từ biến ADMIN_PASSWORD hoặc sinh ngẫu nhiên và in ra một lần.`;

const username = argValue("username")?.trim().toLowerCase();
const fullName = argValue("name")?.trim();
if (!username || !fullName || !/^[a-z0-9._-]{3,50}$/.test(username)) {
  console.error(usage);
  process.exit(1);
}
const password = process.env.ADMIN_PASSWORD || crypto.randomBytes(12).toString("base64url");
if (password.length < 10) {
  console.error("ADMIN_PASSWORD cần ít nhất 10 ký tự.");
  process.exit(1);
}

await withDatabase(async (h) => {
  await h.migrate();
  await h.db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.username, username));
    if (exists) throw new Error(`Tài khoản ${username} đã tồn tại.`);
    let unitId = argValue("unit-id") ? Number(argValue("unit-id")) : undefined;
    if (!unitId) {
      const unitName = argValue("unit-name");
      if (!unitName)
        throw new Error("Cần --unit-id của đơn vị có sẵn, hoặc --unit-name (và --unit-code) để tạo đơn vị gốc.");
      const [u] = await tx.insert(units).values({ name: unitName, kind: "province" }).returning({ id: units.id });
      await tx
        .update(units)
        .set({ path: `/${u.id}/` })
        .where(eq(units.id, u.id));
      const code = argValue("unit-code");
      if (code)
        await tx.insert(unitCodes).values({ unitId: u.id, code, validFrom: new Date().toISOString().slice(0, 10) });
      unitId = u.id;
    }
    const passwordHash = await bcrypt.hash(password, 11);
    const [row] = await tx
      .insert(staff)
      .values({ username, fullName, role: "admin", unitId, passwordHash, mustChangePassword: true })
      .returning({ id: staff.id });
    await tx.insert(auditLog).values({
      actorLabel: "cli:admin:create",
      action: "staff.create" satisfies AuditAction,
      entityType: "staff",
      entityId: String(row.id),
      unitId,
      summary: `Tạo quản trị viên ${username} bằng dòng lệnh`,
    });
  });
  console.log(`Đã tạo quản trị viên ${username}.`);
  if (!process.env.ADMIN_PASSWORD) console.log(`Mật khẩu tạm (chỉ hiện một lần, đổi ngay khi đăng nhập): ${password}`);
});
