import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReceiptDocument } from "@/components/receipts/receipt-document";
import { Alert } from "@/components/ui/alert";
import { PrintButton } from "@/components/receipts/print-button";
import { buttonClass } from "@/components/ui/button-class";
import { requirePage } from "@/lib/auth/session";
import { getReceipt } from "@/lib/dossiers/detail";
import { NotFoundError } from "@/lib/errors";
import { qrDataUrl } from "@/lib/pdf/qr";

export default async function ReceiptPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ v?: string; size?: string }>;
}) {
  const me = await requirePage("dossiers.read");
  const m = await getTranslations();
  const { code } = await params;
  const sp = await searchParams;
  const paper = sp.size === "a4" ? "a4" : "a5";
  const version = sp.v && /^\d+$/.test(sp.v) ? Number(sp.v) : undefined;
  const receipt = await getReceipt(me, decodeURIComponent(code), version).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const qr = await qrDataUrl(receipt.lookupUrl);
  const base = `/dossiers/${encodeURIComponent(receipt.code)}`;
  const v = version ? `v=${version}&` : "";
  return (
    <div>
      {/* The form prescribes A5 (A4 on request); the staff shell is not printed. */}
      <style>{`@page { size: ${paper === "a4" ? "A4" : "A5"}; margin: 8mm; }
@media print {
  .no-print { display: none !important; }
  main { padding: 0 !important; }
  .receipt { max-width: none !important; padding: 0 !important; }
}`}</style>
      {receipt.components.length === 0 ? (
        <div className="no-print mb-4" data-testid="no-components-alert">
          <Alert tone="warning">{m("desk.detail.noComponents")}</Alert>
        </div>
      ) : null}
      <div className="no-print mb-4 flex flex-wrap items-center gap-3">
        <PrintButton label={m("dossiers.detail.printReceipt")} />
        <a className={buttonClass("secondary")} href={`${base}/receipt.pdf?${v}size=${paper}`}>
          {m("dossiers.detail.downloadPdf")}
        </a>
        <Link
          className="text-sm text-brand-700 underline"
          href={`${base}/receipt?${v}size=${paper === "a4" ? "a5" : "a4"}`}
        >
          {paper === "a4" ? "A5" : "A4"}
        </Link>
        <Link className="text-sm text-brand-700 underline" href={base}>
          {m("common.back")}
        </Link>
      </div>
      <div
        className={[
          "overflow-x-auto rounded border border-slate-200 bg-slate-100 p-4",
          "print:border-0 print:bg-white print:p-0",
        ].join(" ")}
      >
        <ReceiptDocument r={receipt} qr={qr} paper={paper} />
      </div>
    </div>
  );
}
