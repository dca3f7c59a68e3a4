import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { NoteForm } from "@/components/home-support/note-form";
import { buttonClass } from "@/components/ui/button-class";
import { BackLink } from "@/components/ui/back-link";
import { SelectField } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { can } from "@/lib/auth/actor";
import { requirePage } from "@/lib/auth/session";
import { formatLocalDate } from "@/lib/calendar";
import { formatDateTime } from "@/lib/format";
import { nextStatuses } from "@/lib/home-support/manage";
import { getRegistration } from "@/lib/home-support/queries";
import { displayVnPhone } from "@/lib/phone";
import { addNoteAction, assignAction, changeStatusAction } from "../actions";

/** A card whose form saves one choice of the registration: its status, its assignee. */
function ChoiceCard({
  id,
  title,
  action,
  testId,
  save,
  saving,
  registrationId,
  select,
}: {
  id: string;
  title: string;
  action: FormAction;
  testId: string;
  save: string;
  saving: string;
  registrationId: number;
  select: { name: string; label: string; defaultValue: string; options: { value: string; label: string }[] };
}) {
  return (
    <Section id={`${id}-h`} title={title} titleClassName="mb-2 font-semibold">
      <ActionForm
        action={action}
        fields={{ id: registrationId }}
        submit={save}
        pending={saving}
        className="flex flex-wrap items-end gap-3"
        testId={testId}
      >
        <SelectField {...select} />
      </ActionForm>
    </Section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 border-t border-slate-100 py-2 text-sm">
      <dt className="font-semibold text-slate-700">{label}</dt>
      <dd className="col-span-2 whitespace-pre-line">{children}</dd>
    </div>
  );
}

export default async function HomeSupportDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePage("homesupport.read");
  const m = await getTranslations();
  const t = await getTranslations("homeSupport.ui");
  const reg = await getRegistration(me, Number((await params).id));
  if (!reg) notFound();
  const manage = can(me, "homesupport.manage");
  const [from, to] = reg.slotHours;
  const next = nextStatuses[reg.status];
  return (
    <div className="max-w-4xl">
      <BackLink href="/ho-tro-tai-nha" label={t("back")} />
      <PageHeader
        title={`${t("code")} ${reg.code}`}
        actions={
          manage && can(me, "dossiers.create") && !reg.dossierId ? (
            <Link className={buttonClass()} href={`/dossiers/new?hoTroTaiNha=${reg.id}`} data-testid="open-intake">
              {t("openIntake")}
            </Link>
          ) : null
        }
      >
        <span data-testid="registration-status">{m(`homeSupport.statuses.${reg.status}`)}</span>
      </PageHeader>
      <dl className="mb-6 rounded-lg border border-slate-200 bg-white px-4 py-2">
        <Row label={t("citizen")}>{reg.citizenName}</Row>
        <Row label={t("phone")}>{reg.phone84 ? displayVnPhone(reg.phone84) : "—"}</Row>
        <Row label={t("address")}>{reg.address ?? "—"}</Row>
        <Row label={t("procedure")}>{reg.procedureText}</Row>
        <Row label={t("slot")}>
          {m(`homeSupport.slotNames.${reg.slot}`)} {formatLocalDate(reg.slotDate)} ({from}–{to})
        </Row>
        <Row label={t("unit")}>{reg.unitName}</Row>
        <Row label={t("assignee")}>{reg.assigneeName ?? t("unassigned")}</Row>
        <Row label={t("consentAt")}>{formatDateTime(reg.consentAt)}</Row>
        <Row label={t("consentText")}>{reg.consentText}</Row>
        <Row label={t("createdAt")}>{formatDateTime(reg.createdAt)}</Row>
        <Row label={t("reminderSent")}>{reg.reminderSentAt ? formatDateTime(reg.reminderSentAt) : "—"}</Row>
        <Row label={t("dossier")}>
          {reg.dossierCode ? (
            <Link
              className="font-mono text-brand-700 underline"
              href={`/dossiers/${encodeURIComponent(reg.dossierCode)}`}
              data-testid="linked-dossier"
            >
              {reg.dossierCode}
            </Link>
          ) : (
            t("noDossier")
          )}
        </Row>
      </dl>

      {manage ? (
        <div className="mb-6 grid gap-4 md:grid-cols-2">
          {next.length ? (
            <ChoiceCard
              id="status"
              title={t("changeStatus")}
              action={changeStatusAction}
              testId="status-form"
              save={t("save")}
              saving={t("saving")}
              registrationId={reg.id}
              select={{
                name: "status",
                label: t("status"),
                defaultValue: next[0],
                options: next.map((s) => ({ value: s, label: m(`homeSupport.statuses.${s}`) })),
              }}
            />
          ) : null}
          <ChoiceCard
            id="assignee"
            title={t("assignee")}
            action={assignAction}
            testId="assign-form"
            save={t("save")}
            saving={t("saving")}
            registrationId={reg.id}
            select={{
              name: "assigneeId",
              label: t("assignee"),
              defaultValue: String(reg.assigneeId ?? ""),
              options: [
                { value: "", label: t("unassigned") },
                ...reg.colleagues.map((c) => ({ value: String(c.id), label: c.fullName })),
              ],
            }}
          />
        </div>
      ) : null}

      <Section id="notes-h" title={t("notes")} titleClassName="mb-3 font-semibold">
        {manage ? <NoteForm id={reg.id} action={addNoteAction} /> : null}
        {reg.notes.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">{t("noNotes")}</p>
        ) : (
          <ul className="mt-4 flex flex-col gap-2" data-testid="notes">
            {reg.notes.map(({ note, staffName }) => (
              <li key={note.id} className="rounded-md border border-slate-100 bg-slate-50 p-3 text-sm">
                <p className="text-xs text-slate-600">
                  {formatDateTime(note.createdAt)} · {staffName ?? "Người dân (Zalo)"} · {t(`noteKinds.${note.kind}`)}
                  {note.outcome ? ` · ${m(`homeSupport.callOutcomes.${note.outcome}`)}` : ""}
                </p>
                <p className="whitespace-pre-line">{note.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
