import type { ReactNode } from "react";

/** Public, phone-first news pages the OA's "Kênh tin tức" menu points at: no staff navigation, no sign-in. */
export default function NewsLayout({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-lg flex-col gap-4 bg-white px-4 py-6">{children}</main>
  );
}
