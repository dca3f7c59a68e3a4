"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { SendProgress } from "@/lib/announcements/queries";
import { formatDateTime } from "@/lib/format";

const time = (iso: string | null) => (iso ? formatDateTime(iso) : "—");

/** Live bar: asks the server every two seconds while the send is running. */
export function ProgressBar({ id, initial, status }: { id: number; initial: SendProgress; status: string }) {
  const t = useTranslations("announcements");
  const router = useRouter();
  const [p, setP] = useState(initial);
  useEffect(() => {
    if (!["approved", "sending"].includes(status)) return;
    const timer = setInterval(async () => {
      const res = await fetch(`/announcements/${id}/progress`, { cache: "no-store" });
      if (!res.ok) return;
      const next = await res.json();
      setP(next);
      // A new status (started, finished, paused elsewhere) changes the page's actions: reload it.
      if (next.status !== status) router.refresh();
    }, 2000);
    return () => clearInterval(timer);
  }, [id, status, router]);
  return (
    <div className="space-y-2" data-testid="progress">
      <div
        className="h-4 w-full overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-valuenow={p.percent}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className="h-full bg-green-600 transition-all" style={{ width: `${p.percent}%` }} />
      </div>
      <p className="text-sm font-semibold" data-testid="progress-percent">
        {p.percent}%
      </p>
      <dl className="grid grid-cols-2 gap-1 text-sm sm:grid-cols-5">
        <div>
          <dt className="text-slate-600">{t("sent")}</dt>
          <dd className="font-bold" data-testid="progress-sent">
            {p.sent}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("failed")}</dt>
          <dd className="font-bold">{p.failed}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("skipped")}</dt>
          <dd className="font-bold">{p.skipped}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("remaining")}</dt>
          <dd className="font-bold">{p.remaining}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("eta")}</dt>
          <dd className="font-bold">{time(p.etaAt)}</dd>
        </div>
      </dl>
    </div>
  );
}
