import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { KioskScreen } from "@/components/ratings/kiosk-screen";
import { requirePage } from "@/lib/auth/session";
import { openCounterRating, rateAtCounter } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("ratings.kiosk.title") };
}

/** The counter tablet: full screen, no navigation; a receptionist opens it for the dossier just returned. */
export default async function CounterRatingPage() {
  await requirePage("dossiers.transition");
  const m = await getTranslations();
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-xl flex-col justify-center gap-6 px-4 py-6">
      <KioskScreen open={openCounterRating} rate={rateAtCounter} />
    </main>
  );
}
