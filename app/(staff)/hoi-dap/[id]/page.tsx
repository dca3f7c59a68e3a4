import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/conversations/auto-refresh";
import { ReplyBox } from "@/components/conversations/reply-box";
import { SlaCell, spanText } from "@/components/conversations/sla";
import { Timeline } from "@/components/conversations/timeline";
import { ActionForm } from "@/components/ui/action-form";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { renderCanned } from "@/lib/conversations/canned";
import { faqOfConversation } from "@/lib/conversations/faq";
import { markConversationRead } from "@/lib/conversations/mark-read";
import { conversationCategories, conversationPriorities, getConversation } from "@/lib/conversations/queries";
import { getConversationSettings } from "@/lib/conversations/settings";
import { replyWindow } from "@/lib/conversations/window";
import { NotFoundError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import { displayVnPhone } from "@/lib/phone";
import {
  assignAction,
  classifyAction,
  faqAction,
  noteAction,
  replyAction,
  resolveAction,
  retryAction,
  transferAction,
} from "../actions";

const control = "rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";
const box = "rounded-lg border border-slate-200 bg-white p-4";

async function load(me: Awaited<ReturnType<typeof requirePage>>, id: number) {
  try {
    return await getConversation(me, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePage("conversations.read");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const m = await getTranslations();
  const t = await getTranslations("conversations");
  await markConversationRead(me, id);
  const view = await load(me, id);
  const { conversation: c, follower: f } = view;
  const [settings, faq] = await Promise.all([getConversationSettings(), faqOfConversation(me, c.id)]);
  const now = new Date();
  const w = replyWindow(f.lastInteractionAt, now);
  const windowText =
    w.zone === "free"
      ? t("windowFree", {
          left: spanText(w.freeUntil!.getTime() - now.getTime()),
          until: formatDateTime(w.freeUntil),
        })
      : w.zone === "paid"
        ? settings.allowPaidReplies
          ? t("windowPaid", { until: formatDateTime(w.paidUntil) })
          : t("windowPaidForbidden")
        : t("windowClosed");
  const canReply = can(me, "conversations.reply");
  const name = f.sharedName ?? f.displayName ?? t("citizen");
  const canned = view.canned.map((a) => ({
    id: a.id,
    title: a.title,
    text: renderCanned(a.body, { conversation: c, follower: f, staffName: me.fullName, unitName: view.unitName }),
  }));
  const firstQuestion = view.messages.find((msg) => msg.direction === "in" && msg.text)?.text ?? "";
  const lastAnswer =
    [...view.messages].reverse().find((msg) => msg.direction === "out" && msg.source !== "system")?.text ?? "";
  return (
    <div className="max-w-7xl">
      <AutoRefresh />
      <Link href="/hoi-dap" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <PageHeader title={`${name} · ${t(`categories.${c.category}`)}`}>
        <span data-testid="conversation-status">{t(`statuses.${c.status}`)}</span> · {view.unitName}
        {c.referenceNumber ? ` · ${t("reference")} ${c.referenceNumber}` : ""}
        {c.dueAt ? ` · ${t("due")} ${formatDate(c.dueAt)}` : ""}
        {c.satisfaction ? (
          <span data-testid="conversation-satisfaction">
            {` · ${t("satisfaction")}: ${m(`ratings.levels.${c.satisfaction}`)}`}
          </span>
        ) : null}
        <span className="ml-2 inline-block">
          <SlaCell dueAt={c.dueAt} waitingSince={c.waitingSince} resolved={c.status === "resolved"} now={now} />
        </span>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section className="flex flex-col gap-4">
          <div className={`${box} flex flex-col`}>
            <h2 className="mb-3 font-semibold">{t("timeline")}</h2>
            <Timeline messages={view.messages} retry={retryAction} />
          </div>
          {canReply ? (
            <>
              <ReplyBox
                action={replyAction}
                conversationId={c.id}
                zone={w.zone}
                windowText={windowText}
                allowPaid={settings.allowPaidReplies}
                templateReady={!!settings.zbsTemplateId && !!f.phone84}
                canned={canned}
                labels={{
                  reply: t("reply"),
                  replyPlaceholder: t("replyPlaceholder"),
                  send: t("send"),
                  canned: t("canned"),
                  cannedPick: t("cannedPick"),
                  confirmPaid: t("confirmPaid"),
                  useTemplate: t("useTemplate"),
                }}
              />
              <div className={box}>
                <ActionForm
                  action={noteAction}
                  fields={{ conversationId: c.id }}
                  submit={t("addNote")}
                  variant="secondary"
                >
                  <label className="flex flex-col gap-1 text-sm font-semibold">
                    {t("note")}
                    <textarea
                      name="text"
                      rows={2}
                      className="rounded-md border border-slate-400 px-3 py-2 font-normal"
                    />
                    <span className="text-xs font-normal text-slate-600">{t("noteHint")}</span>
                  </label>
                </ActionForm>
              </div>
            </>
          ) : null}
        </section>
        <aside className="flex flex-col gap-4">
          <div className={box}>
            <h2 className="mb-2 font-semibold">{t("profile")}</h2>
            <dl className="text-sm">
              <dt className="font-semibold">{name}</dt>
              <dd className="text-slate-700">
                {t("linkedPhone")}: {f.phone84 ? displayVnPhone(f.phone84) : t("notLinked")}
              </dd>
              <dd className="text-slate-700">{f.following ? t("following") : t("notFollowing")}</dd>
              {f.sharedAddress ? <dd className="text-slate-700">{f.sharedAddress}</dd> : null}
              {f.tags.length ? (
                <dd className="text-slate-700">
                  {t("tags")}: {f.tags.join(", ")}
                </dd>
              ) : null}
            </dl>
            <h3 className="mt-3 text-sm font-semibold">{t("dossiers")}</h3>
            {c.suggestedDossierCodes.length ? (
              <ul className="text-sm">
                {c.suggestedDossierCodes.map((code) => (
                  <li key={code}>
                    <Link className="text-brand-700 underline" href={`/dossiers/${encodeURIComponent(code)}`}>
                      {code}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("noDossiers")}</p>
            )}
            <Link className="mt-2 block text-sm text-brand-700 underline" href="/procedures">
              {t("procedures")}
            </Link>
            {view.history.length ? (
              <>
                <h3 className="mt-3 text-sm font-semibold">{t("history")}</h3>
                <ul className="text-sm">
                  {view.history.map((hc) => (
                    <li key={hc.id}>
                      <Link className="text-brand-700 underline" href={`/hoi-dap/${hc.id}`}>
                        {formatDate(hc.lastMessageAt)} · {hc.subject}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
          {canReply ? (
            <div className={`${box} flex flex-col gap-4`}>
              <h2 className="font-semibold">{t("manage")}</h2>
              <ActionForm
                action={assignAction}
                fields={{ conversationId: c.id }}
                submit={t("assign")}
                variant="secondary"
              >
                <select
                  name="assigneeId"
                  aria-label={t("assignee")}
                  defaultValue={c.assigneeId ?? ""}
                  className={control}
                >
                  <option value="">{t("unassigned")}</option>
                  {view.unitStaff.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.fullName}
                    </option>
                  ))}
                </select>
              </ActionForm>
              <ActionForm
                action={classifyAction}
                fields={{ conversationId: c.id }}
                submit={t("classify")}
                variant="secondary"
              >
                <select name="category" aria-label={t("category")} defaultValue={c.category} className={control}>
                  {conversationCategories.map((k) => (
                    <option key={k} value={k}>
                      {t(`categories.${k}`)}
                    </option>
                  ))}
                </select>
                <select name="priority" aria-label={t("priority")} defaultValue={c.priority} className={control}>
                  {conversationPriorities.map((k) => (
                    <option key={k} value={k}>
                      {t(`priorities.${k}`)}
                    </option>
                  ))}
                </select>
                <input
                  name="labels"
                  aria-label={t("labels")}
                  placeholder={t("labels")}
                  defaultValue={c.labels.join(", ")}
                  className={control}
                />
              </ActionForm>
              <ActionForm
                action={transferAction}
                fields={{ conversationId: c.id }}
                submit={t("transfer")}
                variant="secondary"
              >
                <select name="unitId" aria-label={t("unit")} defaultValue="" className={control}>
                  <option value="">—</option>
                  {view.units
                    .filter((u) => u.id !== c.unitId)
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                </select>
                <input
                  name="reason"
                  aria-label={t("transferReason")}
                  placeholder={t("transferReason")}
                  className={control}
                />
              </ActionForm>
              {c.status !== "resolved" ? (
                <ActionForm
                  action={resolveAction}
                  fields={{ conversationId: c.id }}
                  submit={t("resolve")}
                  testId="resolve-form"
                >
                  <textarea
                    name="outcome"
                    rows={2}
                    aria-label={t("outcome")}
                    placeholder={t("outcome")}
                    className={control}
                  />
                  {w.zone === "paid" ? (
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="confirmPaid" /> {t("confirmPaid")}
                    </label>
                  ) : null}
                  {w.zone === "closed" ? (
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="useTemplate" /> {t("useTemplate")}
                    </label>
                  ) : null}
                </ActionForm>
              ) : null}
            </div>
          ) : null}
          {canReply && c.category === "question" ? (
            <div className={box}>
              <h2 className="mb-2 font-semibold">{t("faq")}</h2>
              <ActionForm action={faqAction} fields={{ conversationId: c.id }} submit={t("save")} variant="secondary">
                <input
                  name="field"
                  aria-label={t("faqField")}
                  placeholder={t("faqField")}
                  defaultValue={faq?.field ?? ""}
                  className={control}
                />
                {(["question", "answer"] as const).map((k) => (
                  <textarea
                    key={k}
                    name={k}
                    rows={k === "question" ? 3 : 4}
                    aria-label={t(k === "question" ? "faqQuestion" : "faqAnswer")}
                    defaultValue={faq?.[k] ?? (k === "question" ? firstQuestion : lastAnswer)}
                    className={control}
                  />
                ))}
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="published" defaultChecked={faq?.published ?? false} /> {t("faqPublish")}
                </label>
              </ActionForm>
            </div>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
