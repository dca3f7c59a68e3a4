import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function Forbidden() {
  const m = await getTranslations();
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16 text-center">
      <h1 className="text-2xl font-bold">{m("errors.forbiddenTitle")}</h1>
      <p className="mt-3 text-slate-700">{m("errors.forbiddenText")}</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        {m("errors.home")}
      </Link>
    </main>
  );
}
