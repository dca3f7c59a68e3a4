import { type ComposeInitial, ComposeForm } from "@/components/announcements/compose-form";
import { PageHeader } from "@/components/ui/page-header";
import type { Ctx } from "@/lib/auth/actor";
import { composeData } from "@/lib/announcements/compose-data";
import { saveDraftAction } from "./actions";

/** The compose page for a new announcement and for editing one: only the title and the starting values differ. */
export async function ComposePage({ me, title, initial }: { me: Ctx; title: string; initial: ComposeInitial }) {
  const d = await composeData(me);
  return (
    <div className="max-w-6xl">
      <PageHeader title={title} />
      <ComposeForm
        categories={d.categories}
        tags={d.tags}
        units={d.units}
        oaName={d.oaName}
        initial={initial}
        saveDraft={saveDraftAction}
      />
    </div>
  );
}
