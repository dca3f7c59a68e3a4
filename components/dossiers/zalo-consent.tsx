import type { Dossier } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { useTranslations } from "next-intl";

type Props = {
  dossier: Pick<
    Dossier,
    "code" | "notifyZalo" | "zaloConsentChannel" | "zaloConsentVersion" | "zaloConsentText" | "zaloWithdrawnAt"
  > & { zaloWithdrawnVia: Dossier["zaloWithdrawnVia"] };
  /** Null when the caller may not record a withdrawal. */
  withdrawAction: ((fd: FormData) => Promise<void>) | null;
};

/** The consent to Zalo messages as recorded (text, version, channel), its withdrawal, and the counter's action. */
export function ZaloConsent({ dossier: d, withdrawAction }: Props) {
  const t = useTranslations("privacy.dossier");
  return (
    <div className="mt-1 flex flex-col gap-1 text-xs text-slate-600" data-testid="zalo-consent">
      {d.zaloConsentChannel ? (
        <>
          <span>
            {t("channel")}: {t(`channels.${d.zaloConsentChannel}`)} · {t("version")}: {d.zaloConsentVersion}
          </span>
          <span>
            {t("text")}: “{d.zaloConsentText}”
          </span>
        </>
      ) : null}
      {d.zaloWithdrawnAt && d.zaloWithdrawnVia ? (
        <span data-testid="zalo-withdrawn">
          {t("withdrawnAt", { at: formatDateTime(d.zaloWithdrawnAt), via: t(`withdrawnVia.${d.zaloWithdrawnVia}`) })}
        </span>
      ) : null}
      {d.notifyZalo && withdrawAction ? (
        <form action={withdrawAction}>
          <input type="hidden" name="code" value={d.code} />
          <button type="submit" className="text-sm font-medium text-red-700 underline" title={t("withdrawConfirm")}>
            {t("withdraw")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
