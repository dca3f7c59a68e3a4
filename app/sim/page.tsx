import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SimApp } from "@/components/sim/sim-app";
import { simEnabled } from "@/lib/sim/config";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("sim.title"), robots: { index: false } };
}

/** /sim: act as citizens on Zalo against the built-in simulator. Exists only when ZALO_SIMULATOR=1; no sign-in. */
export default async function SimPage() {
  if (!simEnabled()) notFound();
  const m = await getTranslations();
  return (
    <main className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white px-4 py-3">
        <h1 className="text-xl font-semibold">{m("sim.title")}</h1>
        <p className="text-sm text-slate-700">{m("sim.intro")}</p>
        <p className="text-xs text-amber-800">{m("sim.demoOnly")}</p>
      </header>
      <SimApp />
    </main>
  );
}
