import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { listNotificationTemplates } from "@/lib/notifications/queries";
import { Table, THead, Th, ThAction, Tr, Td } from "@/components/ui/table";

export default async function TemplatesPage() {
  const me = await requirePage("templates.manage");
  const m = await getTranslations();
  const t = await getTranslations("notifications.templates");
  const rows = await listNotificationTemplates(me);
  return (
    <div className="max-w-6xl">
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <Table>
        <THead>
          <Th>{t("label")}</Th>
          <Th>{t("event")}</Th>
          <Th>{t("channels")}</Th>
          <Th>{t("zbsTemplateId")}</Th>
          <Th>{m("notifications.status")}</Th>
          <ThAction label={t("edit")} />
        </THead>
        <tbody>
          {rows.map((r) => (
            <Tr key={r.eventType}>
              <Td className="font-semibold">{r.label}</Td>
              <Td className="font-mono text-xs">{r.eventType}</Td>
              <Td>{r.channels.map((c) => m(`notifications.channels.${c}`)).join(" → ")}</Td>
              <Td className="font-mono">{r.zbsTemplateId ?? "—"}</Td>
              <Td>{r.enabled ? t("enabled") : t("disabled")}</Td>
              <Td>
                <Link className="text-brand-700 underline" href={`/admin/templates/${encodeURIComponent(r.eventType)}`}>
                  {t("edit")}
                </Link>
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
