import { getTranslations } from "next-intl/server";
import { CreateApiKeyForm } from "@/components/api-keys/create-key-form";
import { InlineAction } from "@/components/ui/inline-action";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api/key-queries";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listUnits } from "@/lib/units/queries";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";
import { Table, THead, Th, ThAction, Tr, Td } from "@/components/ui/table";

export default async function ApiKeysPage() {
  const me = await requirePage("apikeys.manage");
  const m = await getTranslations();
  const t = await getTranslations("api.keys");
  const [keys, units] = await Promise.all([listApiKeys(me), listUnits(me)]);
  return (
    <div className="max-w-6xl">
      <PageHeader title={t("title")}>
        {t("intro")}{" "}
        <a href="/api/v1/openapi.json" className="text-brand-700 underline">
          {t("docsLink")}
        </a>
      </PageHeader>
      <Table className="mb-8" empty={keys.length === 0 ? t("none") : null}>
        <THead>
          <Th>{t("name")}</Th>
          <Th>{t("prefix")}</Th>
          <Th>{t("unit")}</Th>
          <Th>{t("scopes")}</Th>
          <Th>{t("createdBy")}</Th>
          <Th>{t("createdAt")}</Th>
          <Th>{t("lastUsedAt")}</Th>
          <Th>{t("status")}</Th>
          <ThAction label={m("common.actions")} />
        </THead>
        <tbody>
          {keys.map((k) => (
            <Tr key={k.id} data-testid="api-key-row">
              <Td>{k.name}</Td>
              <Td className="font-mono">{k.prefix}…</Td>
              <Td>{k.unitName}</Td>
              <Td>{k.scopes.includes("statistics.read") ? t("scopeStatistics") : t("noScopes")}</Td>
              <Td>{k.createdBy}</Td>
              <Td>{formatDateTime(k.createdAt)}</Td>
              <Td>{formatDateTime(k.lastUsedAt) || t("never")}</Td>
              <Td>{k.revokedAt ? t("revoked", { date: formatDateTime(k.revokedAt) }) : t("active")}</Td>
              <Td>
                {k.revokedAt ? null : (
                  <InlineAction
                    action={revokeApiKeyAction}
                    fields={{ id: k.id }}
                    label={t("revoke")}
                    pendingLabel={t("revoking")}
                    variant="danger"
                    confirmText={t("revokeConfirm")}
                    ariaLabel={`${t("revoke")} ${k.name}`}
                    layout="stacked"
                  />
                )}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <h2 className="mb-3 text-lg font-semibold">{t("newKey")}</h2>
      <CreateApiKeyForm action={createApiKeyAction} units={units.filter((u) => u.active)} />
    </div>
  );
}
