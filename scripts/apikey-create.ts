import { and, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { setDbHandle } from "../db/client";
import { unitCodes } from "../db/schema";
import { createApiKey } from "../lib/api/create-key";
import { systemActor } from "../lib/auth/actor";
import { ValidationError } from "../lib/errors";
import { argValue, withDatabase } from "./cli";

const usage = `Cách dùng / usage:
  npm run apikey:create -- --unit <mã định danh đơn vị> --name "<tên khóa>" [--scope statistics.read]
Khóa được in ra MỘT LẦN; hệ thống chỉ lưu mã băm.`;

const unitCode = argValue("unit")?.trim().toUpperCase();
const name = argValue("name")?.trim();
const scope = argValue("scope")?.trim();
if (!unitCode || !name) {
  console.error(usage);
  process.exit(1);
}

await withDatabase(async (h) => {
  await h.migrate();
  setDbHandle(h);
  const today = new Date().toISOString().slice(0, 10);
  const [unit] = await h.db
    .select({ unitId: unitCodes.unitId })
    .from(unitCodes)
    .where(
      and(
        eq(unitCodes.code, unitCode),
        lte(unitCodes.validFrom, today),
        or(isNull(unitCodes.validTo), gte(unitCodes.validTo, today)),
      ),
    )
    .orderBy(desc(unitCodes.validFrom))
    .limit(1);
  if (!unit) {
    console.error(`Không tìm thấy đơn vị có mã định danh ${unitCode} còn hiệu lực.`);
    process.exitCode = 1;
    return;
  }
  try {
    const created = await createApiKey(
      { actor: { ...systemActor, label: "cli:apikey:create" }, ip: null },
      { unitId: unit.unitId, name, scopes: scope ? [scope] : [] },
    );
    console.log(`Đã tạo khóa API "${name}" cho đơn vị ${unitCode} (tiền tố ${created.prefix}).`);
    console.log("Khóa (chỉ hiện một lần, hãy lưu ngay):");
    console.log(created.key);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    console.error(Object.values(err.fieldErrors).join("\n"));
    process.exitCode = 1;
  } finally {
    setDbHandle(undefined);
  }
});
