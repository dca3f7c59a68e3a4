import { getTranslations } from "next-intl/server";
import { RatingSettingsForm } from "@/components/ratings/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { readRatingSettings } from "@/lib/ratings/save-settings";
import { saveRatingSettingsAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function RatingSettingsPage() {
  const me = await requirePage("ratings.manage");
  const [m, s] = await Promise.all([getTranslations(), readRatingSettings(me)]);
  return (
    <div className="max-w-4xl">
      <PageHeader title={m("ratings.settings.title")}>{m("ratings.settings.intro")}</PageHeader>
      <RatingSettingsForm action={saveRatingSettingsAction} initial={s} />
    </div>
  );
}
