import { CreateApiKeyForm } from "@/components/api-keys/create-key-form";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-key-button";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api/key-queries";
import { requirePage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { format, getMessages } from "@/lib/i18n";
import { listUnits } from "@/lib/units/queries";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export default async function ApiKeysPage() {
  const me = await requirePage("apikeys.manage");
  const m = await getMessages();
  const t = m.api.keys;
  const [keys, units] = await Promise.all([listApiKeys(me), listUnits(me)]);
  return (
    <div className="max-w-6xl">
      <PageHeader title={t.title}>
        {t.intro}{" "}
        <a href="/api/v1/openapi.json" className="text-brand-700 underline">
          {t.docsLink}
        </a>
      </PageHeader>
      <div className="mb-8 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-4 py-2">{t.name}</th>
              <th scope="col" className="px-4 py-2">{t.prefix}</th>
              <th scope="col" className="px-4 py-2">{t.unit}</th>
              <th scope="col" className="px-4 py-2">{t.scopes}</th>
              <th scope="col" className="px-4 py-2">{t.createdBy}</th>
              <th scope="col" className="px-4 py-2">{t.createdAt}</th>
              <th scope="col" className="px-4 py-2">{t.lastUsedAt}</th>
              <th scope="col" className="px-4 py-2">{t.status}</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">{m.common.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            {keys.length === 0 ? (
              <tr>
                <td colSpan={9} className="px-4 py-4 text-slate-600">{t.none}</td>
              </tr>
            ) : null}
            {keys.map((k) => (
              <tr key={k.id} className="border-t border-slate-100" data-testid="api-key-row">
                <td className="px-4 py-2">{k.name}</td>
                <td className="px-4 py-2 font-mono">{k.prefix}…</td>
                <td className="px-4 py-2">{k.unitName}</td>
                <td className="px-4 py-2">{k.scopes.includes("statistics.read") ? t.scopeStatistics : t.noScopes}</td>
                <td className="px-4 py-2">{k.createdBy}</td>
                <td className="px-4 py-2">{formatDateTime(k.createdAt)}</td>
                <td className="px-4 py-2">{formatDateTime(k.lastUsedAt) || t.never}</td>
                <td className="px-4 py-2">{k.revokedAt ? format(t.revoked, { date: formatDateTime(k.revokedAt) }) : t.active}</td>
                <td className="px-4 py-2">{k.revokedAt ? null : <RevokeApiKeyButton m={m} id={k.id} label={k.name} action={revokeApiKeyAction} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mb-3 text-lg font-semibold">{t.newKey}</h2>
      <CreateApiKeyForm m={m} action={createApiKeyAction} units={units.filter((u) => u.active)} />
    </div>
  );
}
