"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const m = useTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16 text-center">
      <h1 className="text-2xl font-bold">{m("serverTitle")}</h1>
      <p className="mt-3 text-slate-700">{m("serverText")}</p>
      <div className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white">
          {m("retry")}
        </button>
        <Link href="/" className="px-4 py-2 text-brand-700 underline">
          {m("home")}
        </Link>
      </div>
    </main>
  );
}
