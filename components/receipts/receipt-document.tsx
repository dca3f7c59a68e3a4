import {
  FORM01,
  componentText,
  contactText,
  deliveryText,
  formTime,
  guidanceText,
  placeAndDate,
} from "@/lib/dossiers/receipt-form-text";
import type { ReceiptSnapshot } from "@/lib/dossiers/receipt-snapshot";

/** One labelled line; left out when the dossier has nothing for it (no "Email: …" without an email). */
function Line({ label, value, strong }: { label: string; value: string | null | undefined; strong?: boolean }) {
  if (!value) return null;
  return (
    <p>
      {label}: <span className={strong ? "font-bold" : undefined}>{value}</span>
    </p>
  );
}

function Contact({ person }: { person: { phone: string | null; email: string | null } }) {
  const text = contactText(person);
  return text ? <p className="whitespace-pre-wrap">{text}</p> : null;
}

/** Mẫu số 01 as printed: every field of the 2025 version, the QR to the look-up page and the Zalo guidance. */
export function ReceiptDocument({ r, qr, paper }: { r: ReceiptSnapshot; qr: string; paper: "a5" | "a4" }) {
  return (
    <article
      className={[
        "receipt mx-auto bg-white font-serif text-[13px] leading-snug text-black",
        paper === "a4" ? "max-w-[210mm] p-[15mm] text-[15px]" : "max-w-[148mm] p-[8mm]",
      ].join(" ")}
      data-testid="receipt"
      lang="vi"
    >
      <header className="grid grid-cols-2 gap-4 text-center">
        <div>
          {r.parentUnitName ? <p className="uppercase">{r.parentUnitName}</p> : null}
          <p className="font-bold uppercase">{r.unitName}</p>
          <p className="mx-auto mt-1 w-16 border-t border-black" />
          <p className="mt-1">Số: {r.number}</p>
        </div>
        <div>
          <p className="font-bold">{FORM01.motto1}</p>
          <p className="font-bold">{FORM01.motto2}</p>
          <p className="mx-auto mt-1 w-32 border-t border-black" />
          <p className="mt-1 italic">{placeAndDate(r.place, r.issuedAt)}</p>
        </div>
      </header>
      <h1 className="mt-4 text-center text-base font-bold">{FORM01.title}</h1>
      <p className="text-center font-bold" data-testid="receipt-code">
        {FORM01.code}: {r.code}
      </p>
      {r.nationalCode && r.nationalCode !== r.code ? (
        <p className="text-center">
          {FORM01.nationalCode}: {r.nationalCode}
        </p>
      ) : null}
      {r.version > 1 ? (
        <p className="text-center italic">
          ({FORM01.version} {r.version})
        </p>
      ) : null}
      <div className="mt-3 flex flex-col gap-0.5">
        <p>
          {r.unitName} {FORM01.receivesFrom}
        </p>
        <Line label={FORM01.applicant} value={r.submitter.name} strong />
        <Line label={FORM01.idNumber} value={r.submitter.idNumber} />
        <Line label={FORM01.address} value={r.submitter.address} />
        <Contact person={r.submitter} />
        {r.attorney ? (
          <div className="mt-1 border-l-2 border-black pl-2" data-testid="receipt-attorney">
            <p className="font-bold">{FORM01.attorneyTitle}</p>
            <Line label={FORM01.attorneyName} value={r.attorney.name} />
            <Line label={FORM01.idNumber} value={r.attorney.idNumber} />
            <Line label={FORM01.address} value={r.attorney.address} />
            <Contact person={r.attorney} />
            <Line label={FORM01.attorneyDocument} value={r.attorney.document} />
          </div>
        ) : null}
        <Line
          label={FORM01.request}
          value={`${r.procedureName}${r.procedureCode ? ` (mã ${r.procedureCode})` : ""}`}
          strong
        />
        <p>1. {FORM01.components}:</p>
        <ol className="ml-6 list-decimal">
          {r.components.length ? r.components.map((c) => <li key={c.name}>{componentText(c)}</li>) : <li>…</li>}
        </ol>
        <p>
          2. {FORM01.sets}: {String(r.setsCount).padStart(2, "0")} (bộ)
        </p>
        <p>
          3. {FORM01.legalTime}: {r.processingText ?? "…"}
        </p>
        <p>
          4. {FORM01.receivedAt}: {formTime(r.receivedAt)}
        </p>
        <p className="font-bold" data-testid="receipt-due">
          5. {FORM01.dueAt}: {r.dueAt ? formTime(r.dueAt) : FORM01.noDueAt}
        </p>
        <p>
          6. {FORM01.delivery}: {deliveryText(r.resultDelivery)}
        </p>
        <p>
          {FORM01.register}: {r.registerBook ?? "…"}, {FORM01.registerLine}: {r.registerLine ?? "…"}
        </p>
      </div>
      <div className="mt-3 flex items-start gap-3">
        {/* next/image adds nothing to a server-made data URL. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL */}
        <img
          src={qr}
          alt={`Mã QR tra cứu hồ sơ ${r.code}`}
          width={110}
          height={110}
          data-testid="receipt-qr"
          className="shrink-0"
        />
        <div className="text-[12px]">
          {guidanceText(r.notifyZalo).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p className="mt-1" data-testid="receipt-lookup-url">
            {FORM01.lookupAt}: <span className="break-all font-mono text-[11px]">{r.lookupUrl}</span>
          </p>
        </div>
      </div>
      <footer className="mt-4 grid grid-cols-2 gap-4 text-center">
        <div>
          <p className="font-bold">{FORM01.submitterSign}</p>
          <p className="italic">{FORM01.signHint}</p>
          <p className="mt-12 font-bold">{r.submitter.name}</p>
        </div>
        <div>
          <p className="font-bold">{FORM01.receiverSign}</p>
          <p className="italic">{FORM01.signHint}</p>
          <p className="mt-12 font-bold">{r.receiverName}</p>
        </div>
      </footer>
    </article>
  );
}
