import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ComposeForm } from "@/components/announcements/compose-form";
import { PageHeader } from "@/components/ui/page-header";
import { composeData } from "@/lib/announcements/compose-data";
import { imageUrl } from "@/lib/announcements/images";
import { getAnnouncement } from "@/lib/announcements/queries";
import { requirePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function EditAnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePage("announcements.write");
  const t = await getTranslations("announcements");
  const a = await getAnnouncement(me, Number((await params).id));
  if (!a) notFound();
  const d = await composeData(me);
  return (
    <div className="max-w-6xl">
      <PageHeader title={t("edit")} />
      <ComposeForm
        categories={d.categories}
        tags={d.tags}
        units={d.units}
        oaName={d.oaName}
        initial={{
          id: a.id,
          title: a.title,
          summary: a.summary,
          category: a.category,
          coverImageId: a.coverImageId,
          coverImageUrl: a.coverImageId ? imageUrl(a.coverImageId) : a.coverImageUrl,
          body: a.body,
          audience: a.audience,
          beyondWindow: a.beyondWindow ?? "",
        }}
      />
    </div>
  );
}
