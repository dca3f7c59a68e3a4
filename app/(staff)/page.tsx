import Link from "next/link";
import { navItems } from "@/components/shell/nav-items";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n";

export default async function HomePage() {
  const me = await requirePage();
  const m = await getMessages();
  const links = navItems.filter((i) => me.permissions.includes(i.permission));
  return (
    <div className="max-w-4xl">
      <PageHeader title={`${m.home.greeting}, ${me.fullName}`}>
        {m.home.role}: {m.roles[me.actor.role]} · {m.home.unit}: {me.unitName}
      </PageHeader>
      {me.mustChangePassword ? (
        <div className="mb-6">
          <Alert tone="warning">
            {m.home.mustChange}{" "}
            <Link href="/account" className="underline">
              {m.nav.account}
            </Link>
          </Alert>
        </div>
      ) : null}
      <h2 className="mb-3 text-lg font-semibold">{m.home.quickLinks}</h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="block rounded-lg border border-slate-200 bg-white p-4 font-semibold text-brand-700 shadow-sm hover:border-brand-600">
              {l.label(m)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
