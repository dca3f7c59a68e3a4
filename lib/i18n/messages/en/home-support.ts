import type { Messages } from "../vi";

/** The bot's texts stay Vietnamese in the chat; these English versions are for administrators reading them. */
export const homeSupport: Messages["homeSupport"] = {
  bot: {
    cancelled: "Left. Choose a service in the OA menu again whenever needed.",
    timedOut:
      "The conversation ended after 30 minutes without an answer; nothing was recorded. Choose a service in the OA " +
      "menu to start again.",
    exitHint: 'Type "hủy" to leave.',
    staleStep: "This message arrived after a newer one and was not processed.",
    consentTitle: "Register for help submitting a dossier online at home",
    consentSubtitle:
      "Tap to share your name, phone number and address (from hamlet/residential group, commune/ward). Staff will " +
      "verify them and contact you to help submit online at home.",
    consentHelp:
      'Tap "Share information" on the message above, fill in name, phone and address, tick the consent box and tap ' +
      '"Send".',
    consentBadPhone:
      "The shared phone number is not a valid Vietnamese mobile number. Please share your information again.",
    askProcedure:
      "Thank you {name}. Which administrative procedure do you need help with? Type a keyword (e.g. rượu, thuốc lá, " +
      'gas, thực phẩm), or "khác: <description>".',
    procedureHelp: 'Type a word from the procedure name, or "khác: <what you need>".',
    procedureChoices:
      'Procedures matching "{keyword}":\n{list}\n0. Other (describe it)\nType the number to choose, or another ' +
      "keyword to search again.",
    procedureChoiceHelp: "Type the number of a procedure in the list, 0 to describe it yourself, or another keyword.",
    procedureNone: 'No procedure matches "{keyword}". Type another keyword, or "khác: <procedure name>".',
    askOther: "Briefly describe the procedure or what you need help with.",
    otherHelp: "Type the procedure or what you need help with (at most 300 characters).",
    askSlot: "Procedure: {procedure}.\nChoose a time (office hours):\n{list}\nType the number to choose.",
    slotHelp: "Type the number of a time slot in the list.",
    noSlots: "Sorry, all home-support slots in the coming days are full. Please register later, or contact {unit}.",
    slotTaken: "The slot {slot} has just been filled. Please choose another:\n{list}",
    summary:
      "Confirm your home-support registration:\n- Name: {name}\n- Phone: {phone}\n- Address: {address}\n- Procedure: " +
      '{procedure}\n- Time: {slot}\nType 1 (or "đồng ý") to confirm, 2 to choose another time.',
    confirmHelp: 'Type 1 or "đồng ý" to confirm, 2 to choose another time.',
    confirmed:
      'You are registered for help submitting "{procedure}" at {slot}. Registration code: {code}. Staff of {unit} ' +
      'will verify and contact you. To cancel or move it, type "đổi lịch".',
    reminder:
      'Reminder: staff of {unit} will help you submit "{procedure}" at {slot} (code {code}). To cancel or move it, ' +
      'type "đổi lịch".',
    manageNone: "You have no pending home-support appointment.",
    managePick: "Your home-support appointments:\n{list}\nType the number of the one to move or cancel.",
    managePickHelp: "Type the number of an appointment in the list.",
    manageAction: "Appointment {code}: {procedure}, {slot}.\nType 1 to move it, 2 to cancel it.",
    manageActionHelp: "Type 1 to move, 2 to cancel this appointment.",
    manageCancelled: "Home-support appointment {code} cancelled. Thank you for letting us know.",
    manageMoveSummary: 'Move {code} to {slot}?\nType 1 (or "đồng ý") to confirm, 2 to choose again.',
    manageMoved: "Appointment {code} moved to {slot}.",
    manageGone: "Appointment {code} can no longer be moved or cancelled (staff updated it). Please contact {unit}.",
    searchAsk: "Type a keyword of the procedure to look up (e.g. khai sinh, rượu, thực phẩm).",
    searchHelp: "Type a word from the procedure name, or the number of a procedure in the list.",
    searchChoices: 'Procedures matching "{keyword}":\n{list}\nType the number for details, or another keyword.',
    searchNone: 'No procedure matches "{keyword}". Type another keyword.',
    searchDetail: "{name}\n- Documents:\n{documents}\n- Fee: {fee}\n- Processing time: {time}{link}",
    contacts:
      "{unit}\nAddress: {address}\nOffice hours: morning {morning}, afternoon {afternoon}, Monday to " +
      "Friday{saturday}.\nPhone: {phone}",
    news: "Latest news and announcements: {url}",
    lookup: "To look up a dossier, send the receipt number printed on the receipt (e.g. H27.37-240219-1001).",
    welcomeMenu: "Services of this OA (choose in the menu or type the entry's name):\n{list}",
  },
  slotNames: { morning: "Morning", afternoon: "Afternoon" },
  menuKinds: {
    lookup: "Dossier look-up",
    home_support: "Home support",
    petition: "Feedback and petitions",
    news: "News",
    procedure_search: "Find a procedure",
    contacts: "Contacts",
  },
  statuses: {
    new: "New",
    verified: "Verified",
    contacted: "Contacted",
    scheduled: "Visit/call scheduled",
    done: "Done",
    cancelled: "Cancelled",
    no_show: "No-show",
  },
  callOutcomes: {
    reached: "Reached",
    no_answer: "No answer",
    wrong_number: "Wrong number",
    call_back: "Call back later",
  },
  ui: {
    navLabel: "Home support",
    title: "Home-support registrations",
    intro:
      'Citizens register through the Zalo OA ("ĐK hỗ trợ tại nhà"). Staff verify, contact them and help submit online.',
    search: "Search code, name, phone, procedure",
    allStatuses: "All statuses",
    allDates: "Any date",
    date: "Appointment date",
    filter: "Filter",
    code: "Code",
    citizen: "Citizen",
    phone: "Phone",
    address: "Address",
    procedure: "Procedure",
    slot: "Time",
    status: "Status",
    assignee: "Assignee",
    unassigned: "Unassigned",
    unit: "Unit",
    empty: "No registrations yet.",
    consent: "Consent to share information",
    consentAt: "Consent given at",
    consentText: "Text shown",
    dossier: "Dossier received",
    noDossier: "No dossier yet",
    openIntake: "Receive a dossier for this citizen",
    changeStatus: "Change status",
    save: "Save",
    saving: "Saving…",
    saved: "Saved.",
    notes: "Notes and calls",
    noNotes: "No notes yet.",
    noteKind: "Kind",
    noteKinds: { note: "Note", call: "Call" },
    outcome: "Call outcome",
    noteBody: "Text",
    addNote: "Add note",
    reminderSent: "Reminder sent at",
    createdAt: "Registered at",
    back: "All registrations",
    capacityTitle: "Places per slot",
    capacityIntro:
      "Maximum visits/calls per unit, weekday and slot; empty uses the default ({n}). Full slots are not offered.",
    capacityUnit: "Unit",
    weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    capacitySaved: "Places saved.",
    capacityLink: "Places per slot",
  },
  menu: {
    navLabel: "Zalo OA menu",
    title: "Zalo OA service menu",
    intro:
      "Each OA menu entry sends its keyword into the chat and the portal answers it. The welcome message lists the " +
      "enabled entries.",
    kind: "Entry",
    label: "Label",
    keyword: "Keyword sent on tap",
    position: "Order",
    enabled: "On",
    save: "Save menu",
    saved: "Menu saved.",
    settingsTitle: "Home support and contacts",
    homeSupportUnit: "Unit taking home-support requests (when the procedure has no unit)",
    homeSupportKeyword: "Extra keyword starting the registration",
    defaultCapacity: "Default places per slot",
    contactsUnit: "Unit shown by Contacts",
    contactsPhone: "Phone shown by Contacts",
    none: "— None —",
    saveSettings: "Save settings",
    settingsSaved: "Settings saved.",
    textsTitle: "Automatic chat messages",
    textsIntro: "Leave empty for the default. Keep the '{placeholders}': they are filled in when sending.",
    textKey: "Key",
    textDefault: "Default",
    textOverride: "Replacement",
    saveText: "Save",
    textSaved: "Text saved.",
    preview: "The welcome message will list",
  },
  errors: {
    notFound: "Registration not found.",
    badTransition: 'Cannot move from "{from}" to "{to}".',
    unknownText: "Unknown text key.",
    placeholders: "The replacement must keep: {names}.",
    keywordTaken: 'Keyword "{keyword}" is used by another entry.',
    dossierOtherUnit: "The dossier does not belong to the registration's unit.",
  },
};
