import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TemplateForm } from "@/components/notifications/template-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { messageFieldNames } from "@/lib/notifications/fields";
import { previewTemplate } from "@/lib/notifications/preview";
import { getNotificationTemplate } from "@/lib/notifications/queries";
import { saveTemplateAction } from "../actions";

export default async function TemplateEditPage({ params }: { params: Promise<{ eventType: string }> }) {
  const me = await requirePage("templates.manage");
  const m = await getTranslations();
  const t = await getTranslations("notifications.templates");
  const { eventType } = await params;
  const row = await getNotificationTemplate(me, decodeURIComponent(eventType));
  if (!row) notFound();
  const preview = previewTemplate(row);
  return (
    <div className="max-w-5xl">
      <PageHeader title={`${t("title")}: ${row.label}`}>
        <Link className="text-brand-700 underline" href="/admin/templates">
          {t("back")}
        </Link>
        {row.updatedBy ? (
          <span className="ml-3">
            {t("updatedBy")}: {row.updatedBy}, {formatDateTime(row.updatedAt)}
          </span>
        ) : null}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <TemplateForm
          action={saveTemplateAction}
          initial={{
            eventType: row.eventType,
            label: row.label,
            enabled: row.enabled,
            channels: row.channels.join(","),
            zbsTemplateId: row.zbsTemplateId ?? "",
            zbsParams: row.zbsParams.map((p) => `${p.param} = ${p.field} : ${p.maxLength}`).join("\n"),
            csText: row.csText ?? "",
          }}
        />
        <div className="flex flex-col gap-4">
          <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="template-preview">
            <h2 className="mb-2 font-bold">{t("preview")}</h2>
            <h3 className="text-sm font-semibold">{t("previewZbs")}</h3>
            <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {Object.entries(preview.zbs).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="font-mono text-xs text-slate-600">{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            {preview.cs ? (
              <>
                <h3 className="text-sm font-semibold">{t("previewCs")}</h3>
                <p className="whitespace-pre-wrap rounded bg-sky-50 p-2 text-sm">{preview.cs}</p>
              </>
            ) : null}
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 font-bold">{t("fields")}</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {messageFieldNames.map((f) => (
                <div key={f} className="contents">
                  <dt className="font-mono text-xs">{f}</dt>
                  <dd className="text-slate-700">{m(`notifications.fieldLabels.${f}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
