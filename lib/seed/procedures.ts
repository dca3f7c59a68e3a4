import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  type DeliveryMethod,
  type NewProcedure,
  type ProcedureComponent,
  type ProcedureLevel,
  procedures,
  units,
} from "@/db/schema";
import catalogue from "./procedures.json";

/** One entry of procedures.json (copied from ../shared/data; its README gives sources and verification status). */
export interface CatalogueEntry {
  code: string | null;
  name: string;
  field: string;
  sector: string | null;
  level: string | null;
  agency: string | null;
  processingTime: { value: number | null; unit: string | null } | null;
  processingTimeNote: string | null;
  fee: string | null;
  components: string[];
}

// db/ may not import lib/; this mirrors lib/text.ts foldForSearch, and a test checks that both agree.
function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const nfc = (v: string | null | undefined) =>
  v == null ? null : v.normalize("NFC").replace(/\s+/g, " ").trim() || null;

/**
 * A single published amount ("8.000 đồng/bản sao") is kept as a number; tiers, ranges and "theo HĐND" stay text only.
 */
function parseFeeAmount(fee: string | null): number | null {
  if (fee == null) return null;
  if (/^không( thu)?$/i.test(fee.trim())) return 0;
  const amounts = [...fee.matchAll(/(\d{1,3}(?:\.\d{3})+|\d+)\s*(?:đồng|đ)(?![\p{L}])/gu)].map((m) =>
    Number(m[1].replace(/\./g, "")),
  );
  const distinct = [...new Set(amounts)];
  return distinct.length === 1 && !/\d\s*\/\s*\d/.test(fee) ? distinct[0] : null;
}

/** "02 bộ bản vẽ thiết kế" → 2 copies; documents shown or handed in as originals are marked so. */
function parseComponent(text: string): ProcedureComponent {
  const clean = nfc(text) ?? "";
  const counted = /^0*(\d+)\s+(bộ|bản)\s+(.+)$/iu.exec(clean);
  const name = counted ? counted[3].charAt(0).toUpperCase() + counted[3].slice(1) : clean;
  const original = /bản chính|bản gốc|xuất trình/i.test(clean);
  return { name, copies: counted ? Number(counted[1]) : 1, ...(original ? { original: true } : {}) };
}

function processingTime(
  e: CatalogueEntry,
): Pick<NewProcedure, "processingDays" | "processingHours" | "processingNote"> {
  const value = e.processingTime?.value ?? null;
  const unit = e.processingTime?.unit ?? null;
  const note = nfc(e.processingTimeNote);
  if (value == null)
    return { processingDays: null, processingHours: null, processingNote: note ?? "Chưa công bố thời hạn giải quyết." };
  if (unit === "giờ") return { processingDays: null, processingHours: value, processingNote: note };
  // Published in calendar days ("ngày"): kept as the number of days, with the unit spelled out for the due-date rule.
  if (unit === "ngày")
    return {
      processingDays: value,
      processingHours: null,
      processingNote: `Thời hạn công bố: ${value} ngày (ngày theo lịch).${note ? ` ${note}` : ""}`,
    };
  return { processingDays: value, processingHours: null, processingNote: note };
}

function deliveryMethodsOf(e: CatalogueEntry): DeliveryMethod[] {
  const onlineMentioned = /trực tuyến/i.test(`${e.fee ?? ""} ${e.processingTimeNote ?? ""}`);
  return onlineMentioned ? ["counter", "post", "online"] : ["counter", "post"];
}

/**
 * Maps one catalogue entry to a row: commune-level procedures may be received at any desk, provincial ones at the
 * service centre.
 */
function procedureRowFrom(e: CatalogueEntry, serviceCentreId: number | null): NewProcedure {
  const level: ProcedureLevel | null = e.level === "xã" ? "xa" : e.level === "tỉnh" ? "tinh" : null;
  const name = nfc(e.name)!;
  const field = nfc(e.field)!;
  const agency = nfc(e.agency);
  const code = nfc(e.code)?.toUpperCase() ?? null;
  const note = e.processingTimeNote ?? "";
  return {
    code,
    name,
    field,
    sector: nfc(e.sector),
    level,
    agency,
    unitId: level === "tinh" ? serviceCentreId : null,
    ...processingTime(e),
    feeText: nfc(e.fee),
    feeAmount: parseFeeAmount(e.fee),
    components: e.components.map(parseComponent),
    deliveryMethods: deliveryMethodsOf(e),
    cutoffTime: /sau 15 giờ/i.test(note) ? "15:00" : null,
    // "… kể từ ngày nhận đủ hồ sơ": the period runs from a complete dossier, so a supplement starts it again.
    supplementClock: /kể từ (ngày|khi) nhận (được )?(đủ|đầy đủ)/i.test(note) ? "restart" : "pause",
    searchText: fold([code, name, field, agency].filter(Boolean).join(" ")),
  };
}

export const demoProcedureEntries = catalogue as CatalogueEntry[];

/** Idempotent: a procedure is found by code, or by name when it has no code, before anything is inserted. */
export async function seedProcedures(tx: DbOrTx): Promise<number> {
  const [centre] = await tx
    .select({ id: units.id })
    .from(units)
    .where(eq(units.kind, "service_center"))
    .orderBy(asc(units.id))
    .limit(1);
  let inserted = 0;
  for (const entry of demoProcedureEntries) {
    const row = procedureRowFrom(entry, centre?.id ?? null);
    const [found] = await tx
      .select({ id: procedures.id })
      .from(procedures)
      .where(row.code ? eq(procedures.code, row.code) : and(isNull(procedures.code), eq(procedures.name, row.name)));
    if (found) continue;
    await tx.insert(procedures).values(row);
    inserted++;
  }
  return inserted;
}
