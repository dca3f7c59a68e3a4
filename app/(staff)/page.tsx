import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { navItems } from "@/components/shell/nav-items";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { homeFigures } from "@/lib/dossiers/home-figures";

export default async function HomePage() {
  const me = await requirePage();
  const m = await getTranslations();
  const links = navItems.filter((i) => me.permissions.includes(i.permission));
  const figures = await homeFigures(me);
  const f = await getTranslations("desk.home");
  return (
    <div className="max-w-4xl">
      <PageHeader title={`${m("home.greeting")}, ${me.fullName}`}>
        {m("home.role")}: {m(`roles.${me.actor.role}`)} · {m("home.unit")}: {me.unitName}
      </PageHeader>
      {me.mustChangePassword ? (
        <div className="mb-6">
          <Alert tone="warning">
            {m("home.mustChange")}{" "}
            <Link href="/account" className="underline">
              {m("nav.account")}
            </Link>
          </Alert>
        </div>
      ) : null}
      {figures ? (
        <section className="mb-8" aria-labelledby="figures-h" data-testid="home-figures">
          <h2 id="figures-h" className="text-lg font-semibold">
            {f("figures")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            {figures.scope === "own" ? f("scopeOwn") : f("scopeUnit", { unit: me.unitName })}
          </p>
          <ul className="grid gap-3 sm:grid-cols-3">
            {[
              {
                key: "received-today",
                label: f("receivedToday"),
                value: figures.receivedToday,
                href: `/dossiers?from=${figures.today}&to=${figures.today}`,
                tone: "text-brand-800",
              },
              {
                key: "due-soon",
                label: f("dueSoon"),
                value: figures.dueSoon,
                href: "/dossiers?sort=dueAt&dir=asc",
                tone: "text-amber-800",
              },
              {
                key: "overdue",
                label: f("overdue"),
                value: figures.overdue,
                href: "/dossiers?onTime=overdue",
                tone: "text-red-800",
              },
            ].map((c) => (
              <li key={c.key}>
                <Link
                  href={c.href}
                  className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
                  data-testid={`figure-${c.key}`}
                >
                  <span className={`block text-3xl font-bold ${c.tone}`}>{c.value.toLocaleString("vi-VN")}</span>
                  <span className="text-sm text-slate-700">{c.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 className="mb-3 text-lg font-semibold">{m("home.quickLinks")}</h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              className={
                "block rounded-lg border border-slate-200 bg-white p-4 font-semibold text-brand-700 shadow-sm " +
                "hover:border-brand-600"
              }
            >
              {l.label(m)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
