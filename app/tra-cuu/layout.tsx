import type { ReactNode } from "react";

/** Public, mobile-first shell for citizens: no staff navigation, no sign-in. */
export default function LookupLayout({ children }: { children: ReactNode }) {
  return <main className="mx-auto flex min-h-screen w-full max-w-lg flex-col gap-4 px-4 py-6">{children}</main>;
}
