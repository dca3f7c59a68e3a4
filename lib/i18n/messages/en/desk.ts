import type { Messages } from "../vi";

export const desk: Messages["desk"] = {
  intake: {
    componentsNoneWarning: "No document is ticked as received. The receipt will print an empty list; tick the documents the citizen handed in.",
  },
  detail: {
    noComponents:
      "This dossier was saved with no document received. If the citizen handed in documents, use “Correct details” to record them and re-issue the receipt.",
    correctComponents: "Documents received",
    correctOther: "Another document received (if any)",
    nextStep: "Next step",
    otherMoves: "Other actions",
    confirmTitle: "Confirm an action that cannot be undone",
    confirmAction: "Confirm",
    consequences: {
      rejected: "The dossier ends as “Rejected”; the citizen is told the reason and the dossier cannot be processed further.",
      withdrawn: "The dossier ends because the citizen withdrew it; it cannot be processed further.",
      stopped: "Processing stops and the dossier ends; it cannot be processed further.",
    },
  },
  lookup: {
    portal: "Administrative dossier look-up",
    todo: "What you need to do",
    supplement: "Bring these documents to where you filed the dossier:",
    fee: "Pay the fee: {amount}",
    pay: "Pay online",
    apology: "The dossier is late against the original date. New return date: {date}",
    office: "Receiving office",
    address: "Address",
    hotline: "Hotline",
    hours: "Opening hours",
    oaButton: "Open the Zalo OA “{name}”",
  },
  receipt: {
    lookupText: "Look up at:",
  },
  home: {
    figures: "Today's figures",
    scopeOwn: "Dossiers you received",
    scopeUnit: "Dossiers of {unit} and its units",
    receivedToday: "Received today",
    dueSoon: "Due in the next 2 working days",
    overdue: "Overdue",
  },
  notFound: {
    title: "Page not found (404)",
  },
  dateHint: "dd/mm/yyyy",
};
