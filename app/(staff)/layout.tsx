import { AppShell } from "@/components/shell/app-shell";
import { requirePage } from "@/lib/auth/session";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const me = await requirePage();
  return <AppShell me={me}>{children}</AppShell>;
}
