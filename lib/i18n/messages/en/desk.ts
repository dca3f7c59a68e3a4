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
      export: "Dossier list exported",
      zalo_withdrawn: "Zalo notifications for a dossier withdrawn",
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
    conversation: {
      reply: "Conversation replied to",
      retry: "Reply re-sent",
      assign: "Conversation assigned",
      transfer: "Conversation transferred",
      classify: "Conversation classified",
      note: "Internal note on a conversation",
      resolve: "Marked as resolved",
      settings: "Questions and petitions settings updated",
    },
    canned: {
      create: "Canned answer added",
      update: "Canned answer edited",
      delete: "Canned answer deleted",
    },
    faq: {
      save: "FAQ entry saved",
    },
    announcement: {
      create: "Announcement drafted",
      edit: "Announcement edited",
      edit_after_approval: "Approved announcement edited (needs approval again)",
      submit: "Announcement submitted for approval",
      approve: "Announcement approved",
      return: "Announcement returned",
      pause: "Announcement sending paused",
      resume: "Announcement sending resumed",
      cancel: "Announcement cancelled",
    },
    announcement_image: {
      upload: "Announcement image uploaded",
    },
    announcement_settings: {
      update: "Announcement sending limits edited",
    },
    announcement_recipients: {
      export: "Announcement recipients exported",
    },
    followers: {
      sync: "OA followers synchronised",
      export: "OA followers exported",
    },
    follower: {
      tag_add: "Follower tag added",
      tag_remove: "Follower tag removed",
    },
    rating: {
      create: "Dossier rated",
      change: "Dossier rating changed",
      followup: "Rating follow-up updated",
    },
    rating_settings: {
      update: "Satisfaction rating settings edited",
    },
    ratings: {
      export: "Ratings exported",
    },
    statutory_report: {
      export: "Statutory report exported",
    },
    homesupport: {
      register: "Home support requested",
      status: "Home support status changed",
      assign: "Home support assigned",
      note: "Home support note or call",
      dossier: "Dossier linked to home support",
      citizen: "Citizen moved or cancelled home support",
      capacity: "Home support capacity set",
    },
    oamenu: {
      save: "Zalo OA menu updated",
      settings: "OA home support and contact settings updated",
      text: "Automatic message text edited",
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
      zbs_development_mode: "ZBS development mode switched",
      follower: {
        consent_withdrawn: "Follower withdrew consent to share information",
        notifications_withdrawn: "Citizen stopped Zalo notifications",
        phone_code_sent: "Phone confirmation code sent",
        phone_confirmed: "Follower phone number confirmed",
        phone_code_locked: "Phone confirmation locked after wrong codes",
      },
    },
  },
  dateTimeHint: "dd/mm/yyyy hh:mm, e.g. 12/08/2025 09:00",
  dateHint: "dd/mm/yyyy",
};
