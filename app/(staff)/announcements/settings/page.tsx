import { AnnouncementSettingsForm } from "@/components/announcements/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { readAnnouncementSettings } from "@/lib/announcements/save-settings";
import { requirePage } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export default async function AnnouncementSettingsPage() {
  const me = await requirePage("notifications.admin");
  const t = (await getMessages()).announcements;
  const s = await readAnnouncementSettings(me);
  return (
    <div className="max-w-4xl">
      <PageHeader title={t.settingsPage.title}>{t.settingsPage.intro}</PageHeader>
      <AnnouncementSettingsForm initial={s} t={t.settingsPage} save={(await getMessages()).common.save} />
    </div>
  );
}
