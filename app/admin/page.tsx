import { forbidden, redirect } from "next/navigation";
import { navItems } from "@/components/shell/nav-items";
import { requirePage } from "@/lib/auth/session";

/** /admin has no page of its own: it opens the first administration page the signed-in role may use. */
export default async function AdminIndex() {
  const me = await requirePage();
  const first = navItems.find((item) => item.group === "admin" && me.permissions.includes(item.permission));
  if (!first) forbidden();
  redirect(first.href);
}
