import { AnnouncementSettingsForm } from "@/components/announcements/settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { readAnnouncementSettings } from "@/lib/announcements/save-settings";
import { requirePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function AnnouncementSettingsPage() {
  const me = await requirePage("notifications.admin");
  const s = await readAnnouncementSettings(me);
  return (
    <div className="max-w-4xl">
      <PageHeader title="Giới hạn gửi tin tuyên truyền">
        Theo gói của OA: số tin mỗi người nhận trong tháng và trong ngày, giờ nghỉ đêm (22:00–06:00 theo quy định của Zalo).
      </PageHeader>
      <AnnouncementSettingsForm initial={s} />
    </div>
  );
}
