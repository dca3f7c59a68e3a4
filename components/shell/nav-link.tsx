"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * The entry whose address is the longest prefix of the current path is the current page ("/dossiers/new" beats
 * "/dossiers").
 */
function currentHref(pathname: string, hrefs: readonly string[]): string | null {
  const matches = hrefs.filter((h) => pathname === h || (h !== "/" && pathname.startsWith(`${h}/`)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}

export function NavLink({ href, hrefs, children }: { href: string; hrefs: readonly string[]; children: ReactNode }) {
  const pathname = usePathname();
  const current = currentHref(pathname, hrefs) === href;
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={[
        "block rounded px-3 py-2 hover:bg-brand-700",
        current ? "bg-brand-700 font-semibold shadow-[inset_4px_0_0_white]" : "",
      ].join(" ")}
    >
      {children}
    </Link>
  );
}
