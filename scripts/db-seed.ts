import { seedDemo } from "@/lib/seed";
import { printDemoAccounts } from "./demo-accounts";
import { withDatabase } from "./cli";

await withDatabase(async (h) => {
  await h.migrate();
  await seedDemo(h.db);
  console.log(`Đã nạp dữ liệu mẫu (${h.kind}).`);
  printDemoAccounts();
});
