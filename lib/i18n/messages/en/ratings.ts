import type { Widen } from "../vi";
import type { ratings as viRatings } from "../vi/ratings";

export const ratings: Widen<typeof viRatings> = {
  levels: { very_satisfied: "Very satisfied", satisfied: "Satisfied", dissatisfied: "Dissatisfied" },
  channels: { web: "Web page", counter: "Counter device", zalo: "Zalo" },
  followupStatuses: { open: "Not assigned", assigned: "In progress", closed: "Done" },
  page: {
    title: "Satisfaction rating",
    intro:
      "Please tell us how satisfied you are with how your dossier was received and handled. " +
      "Each dossier is rated once and the rating can be changed for {days, plural, one {# day} other {# days}}.",
    overall: "Overall",
    criteria: "By criterion (optional)",
    comment: "Comment (optional)",
    submit: "Send rating",
    thanks: "Thank you for your rating. It has been recorded.",
    thanksDissatisfied: "Thank you. The unit's leaders will look into it and answer before {due}.",
    current: "Current rating: {level} (sent {at}). You may change it until {until}.",
    fromLookup: "Rate this service",
    dossier: "Dossier",
    procedure: "Procedure",
  },
  settings: {
    navLabel: "Rating settings",
    title: "Satisfaction rating settings",
    intro:
      "The criteria citizens are asked besides the overall rating, how Zalo stars map to the three official levels, " +
      "and the time limits.",
    criteria: "Rating criteria",
    criteriaHelp:
      "Clear a name to drop a criterion; fill a blank row to add one. Ratings already given keep their answers.",
    criterionKey: "Key",
    criterionLabel: "Criterion",
    newCriterion: "(new)",
    stars: "Zalo stars (user_feedback) to satisfaction level",
    starsLabel: "{n, plural, one {# star} other {# stars}}",
    changeDays: "Days a citizen may change the rating",
    followupWorkingDays: "Follow-up deadline for Dissatisfied (working days)",
    save: "Save settings",
    saved: "Rating settings saved.",
  },
  kiosk: {
    title: "Counter rating",
    idle: "Please rate our service after receiving your result",
    idleHelp: "Staff: enter the code of the dossier just returned to open the rating form.",
    code: "Code of the dossier just returned",
    open: "Open the rating form",
    done: "Thank you! The screen returns to idle.",
  },
  errors: {
    noSecret: "The rating link is incomplete. Please open the link on your receipt (QR code) or in the Zalo message.",
    notFound: "Dossier not found.",
    notReturned: "The result has not been returned yet, so the dossier cannot be rated.",
    tooLate:
      "This dossier was rated on {at}. A rating can only be changed within {days, plural, one {# day} other {# days}}.",
    limited: "Too many attempts. Please try again in {seconds, plural, one {# second} other {# seconds}}.",
  },
  followups: {
    title: "Follow-ups of ratings",
    intro:
      "“Dissatisfied” ratings need a leader to look into them, assign them, record what was done and answer the " +
      "citizen.",
    empty: "No follow-ups.",
    due: "Due",
    assignee: "Assignee",
    assign: "Assign",
    action: "What was done",
    answer: "Answer to the citizen (sent on Zalo where possible)",
    close: "Mark as done",
    save: "Save",
    overdue: "Overdue",
    navLabel: "Rating follow-ups",
  },
};
