import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import type { StaffSession } from "@/lib/auth/session";
import { UnreadBadge } from "@/components/conversations/unread-badge";
import { countUnread } from "@/lib/conversations/queries";
import { navItems } from "./nav-items";
import { LanguageSwitch } from "./language-switch";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { ZaloTokenAlert } from "./zalo-token-alert";

export async function AppShell({ me, children }: { me: StaffSession; children: ReactNode }) {
  const m = await getTranslations();
  const visible = navItems.filter((item) => me.permissions.includes(item.permission));
  const unread = visible.some((i) => i.badge === "conversations") ? await countUnread(me) : 0;
  const groups = [
    { key: "work", title: null, items: visible.filter((i) => i.group === "work") },
    { key: "admin", title: m("nav.admin"), items: visible.filter((i) => i.group === "admin") },
  ].filter((g) => g.items.length > 0);
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className={
          "sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 " +
          "focus:py-2"
        }
      >
        {m("app.skipToContent")}
      </a>
      <details className="no-print group border-b border-slate-200 bg-brand-800 text-white md:hidden">
        <summary className="flex cursor-pointer items-center justify-between px-4 py-3 font-semibold">
          <span>{m("app.name")}</span>
          <span aria-hidden>☰</span>
          <span className="sr-only">{m("nav.menu")}</span>
        </summary>
        <NavList groups={groups} me={me} unread={unread} />
      </details>
      <aside
        className="no-print hidden w-64 shrink-0 flex-col bg-brand-800 text-white md:flex"
        aria-label="Điều hướng chính"
      >
        <Link href="/" className="px-5 py-5 text-lg font-bold">
          {m("app.name")}
        </Link>
        <NavList groups={groups} me={me} unread={unread} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header
          className={[
            "no-print flex flex-wrap items-center justify-end gap-4",
            "border-b border-slate-200 bg-white px-6 py-3 text-sm",
          ].join(" ")}
        >
          <span>
            <span className="font-semibold">{me.fullName}</span> · {m(`roles.${me.actor.role}`)} · {me.unitName}
          </span>
          <span lang={(await getLocale()) === "en" ? "vi" : "en"}>
            <LanguageSwitch label={m("nav.language")} />
          </span>
          <Link className="text-brand-700 underline" href="/account">
            {m("nav.account")}
          </Link>
          <SignOutButton label={m("nav.signOut")} />
        </header>
        <ZaloTokenAlert me={me} />
        <main id="main" className="flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}

function NavList({
  groups,
  me,
  unread,
}: {
  groups: { key: string; title: string | null; items: typeof navItems }[];
  me: StaffSession;
  unread: number;
}) {
  const m = useTranslations();
  const hrefs = ["/", ...groups.flatMap((g) => g.items.map((i) => i.href))];
  return (
    <nav className="flex flex-col gap-4 px-3 pb-6" aria-label={m("nav.menu")} data-role={me.actor.role}>
      <ul className="flex flex-col gap-1">
        <li>
          <NavLink href="/" hrefs={hrefs}>
            {m("nav.home")}
          </NavLink>
        </li>
      </ul>
      {groups.map((g) => (
        <div key={g.key}>
          {g.title ? (
            <p className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-blue-100">{g.title}</p>
          ) : null}
          <ul className="flex flex-col gap-1">
            {g.items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} hrefs={hrefs}>
                  {item.label(m)}
                  {item.badge === "conversations" ? (
                    <UnreadBadge initial={unread} label={m("conversations.unread")} />
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
