import { getTranslations } from "next-intl/server";
import { AnnouncementSettingsForm } from "@/components/announcements/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { readAnnouncementSettings } from "@/lib/announcements/save-settings";
import { requirePage } from "@/lib/auth/session";
import { saveSettingsAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function AnnouncementSettingsPage() {
  const me = await requirePage("notifications.admin");
  const t = await getTranslations("announcements");
  const s = await readAnnouncementSettings(me);
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("settingsPage.title")}>{t("settingsPage.intro")}</PageHeader>
      <AnnouncementSettingsForm
        initial={s}
        save={(await getTranslations())("common.save")}
        action={saveSettingsAction}
      />
    </div>
  );
}
