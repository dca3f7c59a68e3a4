import { getTranslations } from "next-intl/server";
import { CannedAnswerForm, ConversationSettingsForm } from "@/components/conversations/settings-forms";
import { InlineAction } from "@/components/ui/inline-action";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requirePage } from "@/lib/auth/session";
import { conversationAdminView } from "@/lib/conversations/admin-view";
import { CANNED_PLACEHOLDERS } from "@/lib/conversations/canned";
import { deleteCannedAnswerAction, saveCannedAnswerAction, saveConversationSettingsAction } from "./actions";

export default async function ConversationSettingsPage() {
  const me = await requirePage("conversations.manage");
  const t = await getTranslations("conversations");
  const view = await conversationAdminView(me);
  const placeholders = CANNED_PLACEHOLDERS.map((p) => `{${p}}`).join(", ");
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <PageHeader title={t("admin.title")}>{t("admin.intro")}</PageHeader>

      <Section id="conv-settings" title={t("admin.settingsTitle")} titleClassName="mb-3 text-lg font-semibold">
        <ConversationSettingsForm initial={view.settings} action={saveConversationSettingsAction} />
      </Section>

      <Section id="canned" title={t("admin.cannedTitle")}>
        <p className="mb-3 text-sm text-slate-700">{t("admin.cannedIntro", { placeholders })}</p>
        <ul className="flex flex-col gap-3" data-testid="canned-list">
          {view.canned.length === 0 ? <li className="text-sm text-slate-600">{t("admin.cannedEmpty")}</li> : null}
          {view.canned.map((c) => (
            <li key={c.id} className="rounded-md border border-slate-200 p-3" data-testid="canned-item">
              <details>
                <summary className="cursor-pointer text-sm">
                  <span className="font-semibold">{c.title}</span> — {c.unitName ?? t("admin.cannedShared")}
                  <span className="block whitespace-pre-line text-slate-700">{c.body}</span>
                </summary>
                {c.unitId === null && !view.canShare ? (
                  <p className="mt-2 text-sm text-slate-600">{t("admin.cannedReadOnly")}</p>
                ) : (
                  <div className="mt-3 flex flex-col gap-3">
                    <CannedAnswerForm
                      units={view.units}
                      canShare={view.canShare}
                      initial={c}
                      action={saveCannedAnswerAction}
                    />
                    <InlineAction
                      action={deleteCannedAnswerAction}
                      fields={{ id: c.id }}
                      variant="danger"
                      label={t("admin.cannedDelete")}
                      pendingLabel={t("admin.saving")}
                    />
                  </div>
                )}
              </details>
            </li>
          ))}
        </ul>
        <h3 className="mb-2 mt-5 font-semibold">{t("admin.cannedNew")}</h3>
        <CannedAnswerForm units={view.units} canShare={view.canShare} action={saveCannedAnswerAction} />
      </Section>
    </div>
  );
}
