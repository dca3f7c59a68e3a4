import type { Messages } from "../vi";

export const desk: Messages["desk"] = {
  intake: {
    componentsNoneWarning:
      "No document is ticked as received. The receipt will print an empty list; tick the documents the citizen " +
      "handed in.",
  },
  detail: {
    noComponents:
      "This dossier was saved with no document received. If the citizen handed in documents, use “Correct details” " +
      "to record them and re-issue the receipt.",
    correctComponents: "Documents received",
    correctOther: "Another document received (if any)",
    nextStep: "Next step",
    otherMoves: "Other actions",
    confirmTitle: "Confirm an action that cannot be undone",
    confirmAction: "Confirm",
    consequences: {
      rejected:
        "The dossier ends as “Rejected”; the citizen is told the reason and the dossier cannot be processed further.",
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
    weekdays: ", Monday to Friday",
    saturday: " and Saturday morning",
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
  // Nested by the audit action's dots ("dossier.receive"), as next-intl reads a key path.
  auditActions: {
    dossier: {
      receive: "Dossier received",
      submit: "Online dossier recorded",
      transition: "Dossier status changed",
      apology: "Apology letter issued",
      correct: "Dossier details corrected",
    },
    staff: {
      create: "Staff member added",
      update: "Staff member updated",
      deactivate: "Staff account locked",
      reset_password: "Staff password reset",
      change_password: "Password changed",
    },
    unit: {
      create: "Unit added",
      update: "Unit updated",
      deactivate: "Unit deactivated",
    },
    procedure: {
      create: "Procedure added",
      update: "Procedure updated",
      retire: "Procedure retired",
      reactivate: "Procedure reinstated",
    },
    calendar_day: {
      create: "Calendar day added",
      update: "Calendar day changed",
      delete: "Calendar day removed",
      confirm: "Calendar day confirmed",
      confirm_proposals: "Proposed days confirmed",
      draft_proposals: "Holiday proposals drafted",
    },
    office_hours: {
      save: "Office hours saved",
      delete: "Unit office hours removed",
    },
    apikey: {
      create: "API key created",
      revoke: "API key revoked",
    },
    notification: {
      resend: "Notification re-sent",
    },
    notification_template: {
      update: "Message template edited",
    },
    zalo: {
      settings: {
        save: "Zalo OA settings saved",
        seed_env: "Zalo settings loaded from the environment",
      },
      oauth: {
        start: "Zalo OA authorisation started",
        connect: "Zalo OA connected",
      },
      token: {
        paste: "Zalo access token entered",
      },
      event: {
        requeue: "Zalo event re-queued",
      },
    },
  },
  dateTimeHint: "dd/mm/yyyy hh:mm, e.g. 12/08/2025 09:00",
  dateHint: "dd/mm/yyyy",
};
