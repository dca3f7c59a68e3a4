import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { ComposePage } from "../compose-page";

export const dynamic = "force-dynamic";

export default async function NewAnnouncementPage() {
  const me = await requirePage("announcements.write");
  const t = await getTranslations("announcements");
  const initial = {
    title: "",
    summary: "",
    category: "khac",
    coverImageId: null,
    coverImageUrl: null,
    body: [{ type: "text" as const, content: "" }],
    audience: { kind: "all" as const },
    beyondWindow: "",
  };
  return <ComposePage me={me} title={t("compose")} initial={initial} />;
}
