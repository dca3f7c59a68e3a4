import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { imageUrl } from "@/lib/announcements/images";
import { getAnnouncement } from "@/lib/announcements/queries";
import { requirePage } from "@/lib/auth/session";
import { ComposePage } from "../../compose-page";

export const dynamic = "force-dynamic";

export default async function EditAnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePage("announcements.write");
  const t = await getTranslations("announcements");
  const a = await getAnnouncement(me, Number((await params).id));
  if (!a) notFound();
  const { id, title, summary, category, coverImageId, body, audience } = a;
  const coverImageUrl = coverImageId ? imageUrl(coverImageId) : a.coverImageUrl;
  const initial = { id, title, summary, category, coverImageId, coverImageUrl, body, audience };
  return <ComposePage me={me} title={t("edit")} initial={{ ...initial, beyondWindow: a.beyondWindow ?? "" }} />;
}
