import type { Dossier, dossierHistory } from "@/db/schema";
import { nationalStatusCodes, statusLabels } from "@/lib/dossiers/lifecycle";
import { securedLookupUrl } from "@/lib/dossiers/urls";
import type { DossierView } from "./dossier-schemas";

type HistoryRow = typeof dossierHistory.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API's picture of a dossier: every field the software needs, the lookup secret only inside lookupUrl. */
export function dossierView(d: Dossier, history: HistoryRow[]): DossierView {
  return {
    code: d.code,
    nationalCode: d.nationalCode,
    status: d.status,
    statusLabel: statusLabels[d.status],
    nationalStatusCode: nationalStatusCodes[d.status],
    procedure: { code: d.procedure.code, name: d.procedure.name, field: d.procedure.field },
    channel: d.channel,
    resultDelivery: d.resultDelivery,
    submitter: {
      name: d.submitterName,
      idNumber: d.submitterIdNumber,
      phone: d.submitterPhone84,
      email: d.submitterEmail,
      address: d.submitterAddress,
    },
    owner: {
      name: d.ownerName,
      idNumber: d.ownerIdNumber,
      phone: d.ownerPhone84,
      email: d.ownerEmail,
      address: d.ownerAddress,
    },
    notifyZalo: d.notifyZalo,
    notifySms: d.notifySms,
    deliverByPost: d.deliverByPost,
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    newDueAt: iso(d.newDueAt),
    finishedAt: iso(d.finishedAt),
    returnedAt: iso(d.returnedAt),
    fee: d.feeAmount == null ? null : { amount: d.feeAmount, paymentUrl: d.feePaymentUrl, paidAt: iso(d.feePaidAt) },
    lookupUrl: securedLookupUrl(d.code, d.lookupSecret),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      from: h.fromStatus,
      to: h.toStatus,
      action: h.action,
      actor: h.actorLabel,
      note: h.note,
    })),
  };
}
