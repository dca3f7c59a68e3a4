import { isProductionWithoutDemo } from "@/lib/demo";
import { seedDemo } from "@/lib/seed";
import { printDemoAccounts } from "./demo-accounts";
import { withDatabase } from "./cli";

if (isProductionWithoutDemo()) {
  console.error(
    "db:seed nạp tài khoản và hồ sơ mẫu nên không chạy khi NODE_ENV=production. Dùng npm run db:seed:reference " +
      "(danh mục thủ tục, ngày nghỉ lễ, mẫu tin) và npm run admin:create. / db:seed loads demo accounts and refuses " +
      "in production; use npm run db:seed:reference and npm run admin:create.",
  );
  process.exit(1);
}

await withDatabase(async (h) => {
  await h.migrate();
  await seedDemo(h.db);
  console.log(`Đã nạp dữ liệu mẫu (${h.kind}).`);
  printDemoAccounts();
});
