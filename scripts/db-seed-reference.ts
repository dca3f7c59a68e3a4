import { seedReference } from "@/lib/seed/reference";
import { withDatabase } from "./cli";

/**
 * npm run db:seed:reference: the procedure catalogue, holidays and notification templates; no account, no demo data.
 */
await withDatabase(async (h) => {
  await h.migrate();
  const { proceduresAdded } = await h.db.transaction((tx) => seedReference(tx));
  console.log(`Đã nạp dữ liệu danh mục (${h.kind}): ${proceduresAdded} thủ tục mới, ngày nghỉ lễ, mẫu tin thông báo.`);
});
