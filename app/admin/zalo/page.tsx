import { getTranslations } from "next-intl/server";
import { DevelopmentModeForm, RefreshTokenForm, ZaloSettingsForm } from "@/components/zalo/settings-form";
import { TokenStateCard } from "@/components/zalo/token-state";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/session";
import { zaloAdminView } from "@/lib/zalo/admin-view";
import { saveRefreshTokenAction, saveZaloSettingsAction, setZbsDevelopmentModeAction } from "./actions";

export default async function ZaloSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ connected?: string; error?: string }>;
}) {
  const me = await requirePage("zalo.settings");
  const view = await zaloAdminView(me);
  const sp = await searchParams;
  const z = await getTranslations("zalo");
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeader title={z("title")}>{z("intro")}</PageHeader>
      {sp.connected ? <Alert tone="success">{z("oauthConnected")}</Alert> : null}
      {sp.error ? <Alert tone="error">{z("oauthFailed", { reason: sp.error.slice(0, 300) })}</Alert> : null}

      <TokenStateCard token={view.token} />

      <section
        aria-labelledby="zalo-urls"
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-2"
      >
        <h2 id="zalo-urls" className="sr-only">
          {z("webhookTitle")}
        </h2>
        <div>
          <p className="text-sm font-semibold">{z("webhookTitle")}</p>
          <p className="mt-1 break-all font-mono text-sm" data-testid="zalo-webhook-url">
            {view.webhookUrl}
          </p>
          <p className="mt-1 text-xs text-slate-600">{z("webhookHint")}</p>
        </div>
        <div>
          <p className="text-sm font-semibold">{z("callbackTitle")}</p>
          <p className="mt-1 break-all font-mono text-sm">{view.callbackUrl}</p>
          <p className="mt-1 text-xs text-slate-600">{z("callbackHint")}</p>
        </div>
      </section>

      <section aria-labelledby="zalo-settings">
        <h2 id="zalo-settings" className="mb-3 text-lg font-semibold">
          {z("settingsTitle")}
        </h2>
        {view.settings.source === "env" ? (
          <div className="mb-3">
            <Alert tone="info">{z("sourceEnv")}</Alert>
          </div>
        ) : null}
        <ZaloSettingsForm action={saveZaloSettingsAction} initial={view.settings} />
      </section>

      <section aria-labelledby="zalo-connect" className="flex flex-col gap-4">
        <h2 id="zalo-connect" className="text-lg font-semibold">
          {z("connectTitle")}
        </h2>
        {view.settings.configured ? (
          <form
            method="post"
            action="/api/zalo/oauth/start"
            className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-6"
          >
            <button
              type="submit"
              className={
                "self-start rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
              }
            >
              {z("connectOauth")}
            </button>
            <p className="text-xs text-slate-600">{z("connectOauthHint")}</p>
          </form>
        ) : (
          <Alert tone="warning">{z("needSettings")}</Alert>
        )}
        <RefreshTokenForm action={saveRefreshTokenAction} />
      </section>

      <section aria-labelledby="zalo-dev-mode" className="flex flex-col gap-3">
        <h2 id="zalo-dev-mode" className="text-lg font-semibold">
          {z("devModeTitle")}
        </h2>
        <DevelopmentModeForm action={setZbsDevelopmentModeAction} on={view.developmentMode} />
      </section>
    </div>
  );
}
