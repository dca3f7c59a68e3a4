import { DEMO_PASSWORD } from "@/lib/seed";
import { demoAccounts } from "@/lib/seed/org";

export function printDemoAccounts() {
  console.log("\nTài khoản demo / demo accounts (mật khẩu / password: %s):", DEMO_PASSWORD);
  for (const a of demoAccounts) console.log(`  ${a.username.padEnd(24)} ${a.role}`);
}
