import { withDatabase } from "./cli";

await withDatabase(async (h) => {
  await h.migrate();
  console.log(`Đã áp dụng migration (${h.kind}).`);
});
