import type { ReactNode } from "react";

/** Public, phone-first shell for citizens rating a returned dossier: no staff navigation, no sign-in. */
export default function RatingLayout({ children }: { children: ReactNode }) {
  return <main className="mx-auto flex min-h-screen w-full max-w-lg flex-col gap-4 px-4 py-6">{children}</main>;
}
