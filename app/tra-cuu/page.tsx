import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LookupForm } from "@/components/dossiers/lookup-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("dossiers.lookup.title") };
}

export default async function LookupPage({ searchParams }: { searchParams: Promise<{ code?: string; p?: string }> }) {
  const m = await getTranslations();
  const sp = await searchParams;
  const code = (sp.code ?? "").trim();
  if (code) {
    const p = (sp.p ?? "").replace(/\D/g, "").slice(0, 4);
    redirect(`/tra-cuu/${encodeURIComponent(code)}${p ? `?p=${p}` : ""}`);
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{m("dossiers.lookup.title")}</h1>
      <p className="text-sm text-slate-700">{m("dossiers.lookup.intro")}</p>
      <LookupForm error={sp.code !== undefined ? m("dossiers.lookup.codeRequired") : undefined} />
      <p className="text-sm text-slate-700">{m("dossiers.lookup.followOa")}</p>
    </>
  );
}
