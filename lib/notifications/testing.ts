import type { Db } from "@/db/client";
import { type DossierEventPayload, dossierEvents, dossiers, procedures } from "@/db/schema";
import { seedNotifications } from "./default-templates";
import { ZaloApiError, zaloErrorFromCode } from "@/lib/zalo/errors";
import type { ZaloTemplateSend } from "@/lib/zalo/client";
import type { NotificationTransport } from "./transport";

let seq = 0;

/** A dossier row (the dossier desk's tables) for notification tests; the outbox is written by the caller. */
export async function insertTestDossier(
  db: Db,
  unitId: number,
  over: { phone84?: string | null; notifyZalo?: boolean } = {},
) {
  seq++;
  const [proc] = await db
    .insert(procedures)
    .values({ name: "Cấp giấy phép xây dựng", field: "Xây dựng", unitId, searchText: "cap giay phep xay dung" })
    .returning();
  const code = `H27.37-${String(Date.now()).slice(-6)}-${String(seq).padStart(4, "0")}`;
  const [d] = await db
    .insert(dossiers)
    .values({
      code,
      unitId,
      procedureId: proc.id,
      procedure: {
        id: proc.id,
        code: null,
        name: proc.name,
        field: proc.field,
        processingDays: 15,
        processingHours: null,
        cutoffTime: null,
        supplementClock: "pause",
      },
      status: "received",
      channel: "direct",
      resultDelivery: "counter",
      submitterName: "Nguyễn Văn Lâm",
      ownerName: "Nguyễn Văn Lâm",
      submitterPhone84: over.phone84 === undefined ? "84912345678" : over.phone84,
      notifyZalo: over.notifyZalo ?? true,
      lookupSecret: "s3cret",
      searchText: code,
    })
    .returning();
  return d;
}

export function testPayload(over: Partial<DossierEventPayload> = {}): DossierEventPayload {
  return {
    code: "H27.37-240226-0001",
    nationalCode: null,
    status: "received",
    statusLabel: "Đã tiếp nhận",
    ownerName: "Nguyễn Văn Lâm",
    submitterName: "Nguyễn Văn Lâm",
    procedureName: "Cấp giấy phép xây dựng",
    phone84: "84912345678",
    notifyZalo: true,
    notifySms: false,
    receivedAt: "2024-02-20T01:30:00.000Z",
    dueAt: "2024-02-26T02:09:00.000Z",
    newDueAt: null,
    finishedAt: null,
    feeAmount: null,
    paymentUrl: null,
    missing: null,
    reason: null,
    note: null,
    receiptVersion: 1,
    lookupUrl: "http://localhost:3100/tra-cuu/H27.37-240226-0001?t=s3cret",
    ...over,
  };
}

/** Writes an outbox row as the dossier desk does. */
export async function insertTestEvent(
  db: Db,
  dossier: { id: number; unitId: number; code: string },
  type: string,
  over: Partial<DossierEventPayload> = {},
) {
  const [e] = await db
    .insert(dossierEvents)
    .values({
      dossierId: dossier.id,
      unitId: dossier.unitId,
      type,
      payload: testPayload({ code: dossier.code, ...over }),
    })
    .returning();
  return e;
}

export async function seedTemplates(db: Db) {
  await seedNotifications(db);
}

/**
 * In-memory Zalo for unit tests: records accepted sends by tracking id; `failWith` maps a phone to a
 * Zalo error code (or a function deciding per call).
 */
export function fakeTransport(
  opts: {
    failWith?: (phone: string, call: number) => number | null | "network";
    latencyMs?: number;
    quota?: { dailyQuota: number; remainingQuota: number };
  } = {},
) {
  const accepted: ZaloTemplateSend[] = [];
  const cs: { userId: string; text: string }[] = [];
  let calls = 0;
  const transport: NotificationTransport = {
    async sendTemplateByPhone(input) {
      calls++;
      if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
      const outcome = opts.failWith?.(input.phone, calls) ?? null;
      if (outcome === "network")
        throw new ZaloApiError({
          kind: "retryable",
          code: null,
          httpStatus: null,
          message: "Zalo: hết thời gian chờ phản hồi",
        });
      if (outcome !== null) throw zaloErrorFromCode(outcome, "");
      accepted.push(input);
      return { msgId: `m${accepted.length}`, sentTime: String(Date.now()), quota: opts.quota ?? null };
    },
    async sendConsultationText(userId, text) {
      calls++;
      const outcome = opts.failWith?.(userId, calls) ?? null;
      if (outcome !== null && outcome !== "network") throw zaloErrorFromCode(outcome, "");
      cs.push({ userId, text });
      return { messageId: `c${cs.length}` };
    },
  };
  return { transport, accepted, cs, calls: () => calls };
}
