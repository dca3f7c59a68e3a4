import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** The page shown instead of one the visitor may not see or that does not exist. */
export async function StatusPage({ kind }: { kind: "forbidden" | "notFound" }) {
  const m = await getTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16 text-center">
      <h1 className="text-2xl font-bold">{m(`${kind}Title`)}</h1>
      <p className="mt-3 text-slate-700">{m(`${kind}Text`)}</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        {m("home")}
      </Link>
    </main>
  );
}
