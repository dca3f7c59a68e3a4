import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/lib/format";
import type { ZaloTokenState } from "@/lib/zalo/tokens";

const tone = {
  none: "bg-slate-200 text-slate-900",
  ok: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
} as const;

/** OA token health for admins: state, expiry, last refresh, and the failure reason when refreshing failed. */
export function TokenStateCard({ token }: { token: ZaloTokenState }) {
  const m = useTranslations();
  const z = useTranslations("zalo");
  const state = token.state === "ok" && !token.hasRefreshToken ? "none" : token.state;
  return (
    <section
      aria-labelledby="zalo-token"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="zalo-token" className="text-lg font-semibold">
          {z("tokenTitle")}
        </h2>
        <span data-testid="zalo-token-state" className={`rounded px-2 py-0.5 text-sm font-semibold ${tone[state]}`}>
          {z(`tokenStates.${state}`)}
        </span>
      </div>
      <dl className="grid gap-2 text-sm md:grid-cols-2">
        <div>
          <dt className="text-slate-600">{z("tokenExpires")}</dt>
          <dd>{token.accessTokenExpiresAt ? formatDateTime(token.accessTokenExpiresAt) : m("common.none")}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{z("tokenRefreshed")}</dt>
          <dd>{token.refreshedAt ? formatDateTime(token.refreshedAt) : z("tokenNeverRefreshed")}</dd>
        </div>
      </dl>
      {state === "failed" ? (
        <Alert tone="error" title={z("tokenStates.failed")}>
          <p>{z("tokenFailedHelp")}</p>
          {token.lastError ? (
            <p className="mt-1">
              {z("tokenError")} ({token.lastErrorAt ? formatDateTime(token.lastErrorAt) : ""}): {token.lastError}
            </p>
          ) : null}
        </Alert>
      ) : null}
    </section>
  );
}
