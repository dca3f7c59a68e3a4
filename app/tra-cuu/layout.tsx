import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";

/** Public, mobile-first shell for citizens: the portal's header, no staff navigation, no sign-in. */
export default async function LookupLayout({ children }: { children: ReactNode }) {
  const m = await getTranslations();
  return (
    <div className="min-h-screen">
      <header className="bg-brand-800 text-white" data-testid="portal-header">
        <div className="mx-auto flex w-full max-w-lg items-center gap-3 px-4 py-3">
          <span
            aria-hidden
            className={
              "flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-white text-sm font-bold " +
              "text-brand-800"
            }
          >
            1C
          </span>
          <Link href="/tra-cuu" className="leading-tight">
            <span className="block text-xs uppercase tracking-wide text-blue-100">{m("app.fullName")}</span>
            <span className="block font-semibold">{m("desk.lookup.portal")}</span>
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto flex w-full max-w-lg flex-col gap-4 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
