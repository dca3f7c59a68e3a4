import { getTranslations } from "next-intl/server";
import { ComposeForm } from "@/components/announcements/compose-form";
import { PageHeader } from "@/components/ui/page-header";
import { composeData } from "@/lib/announcements/compose-data";
import { requirePage } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function NewAnnouncementPage() {
  const me = await requirePage("announcements.write");
  const t = await getTranslations("announcements");
  const d = await composeData(me);
  return (
    <div className="max-w-6xl">
      <PageHeader title={t("compose")} />
      <ComposeForm
        categories={d.categories}
        tags={d.tags}
        units={d.units}
        oaName={d.oaName}
        initial={{
          title: "",
          summary: "",
          category: "khac",
          coverImageId: null,
          coverImageUrl: null,
          body: [{ type: "text", content: "" }],
          audience: { kind: "all" },
          beyondWindow: "",
        }}
      />
    </div>
  );
}
