import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n";
import { listNotificationTemplates } from "@/lib/notifications/queries";

export default async function TemplatesPage() {
  const me = await requirePage("templates.manage");
  const m = await getMessages();
  const t = m.notifications.templates;
  const rows = await listNotificationTemplates(me);
  return (
    <div className="max-w-6xl">
      <PageHeader title={t.title}>{t.intro}</PageHeader>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-4 py-2">{t.label}</th>
              <th scope="col" className="px-4 py-2">{t.event}</th>
              <th scope="col" className="px-4 py-2">{t.channels}</th>
              <th scope="col" className="px-4 py-2">{t.zbsTemplateId}</th>
              <th scope="col" className="px-4 py-2">{m.notifications.status}</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">{t.edit}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.eventType} className="border-t border-slate-100">
                <td className="px-4 py-2 font-semibold">{r.label}</td>
                <td className="px-4 py-2 font-mono text-xs">{r.eventType}</td>
                <td className="px-4 py-2">{r.channels.map((c) => m.notifications.channels[c]).join(" → ")}</td>
                <td className="px-4 py-2 font-mono">{r.zbsTemplateId ?? "—"}</td>
                <td className="px-4 py-2">{r.enabled ? t.enabled : t.disabled}</td>
                <td className="px-4 py-2">
                  <Link className="text-brand-700 underline" href={`/admin/templates/${encodeURIComponent(r.eventType)}`}>{t.edit}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
