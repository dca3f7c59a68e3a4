import type { Widen } from "../vi";
import type { errors as viErrors } from "../vi/errors";

export const errors: Widen<typeof viErrors> = {
  service: {
    unauthenticated: "Your session has expired. Please sign in again.",
    forbidden: "You are not allowed to do this.",
    notFound: "Nothing was found.",
    validation: "Some fields are not valid. Please check the marked fields.",
    saveFailed: "The system failed to save. What you typed is still here; please try again.",
    mustChangePassword: "You need to change your password before doing this.",
    ratingFailed: "The system failed to record the rating. Please try again.",
  },
  notFound: {
    dossier: "Dossier not found.",
    receipt: "Receipt not found.",
    conversation: "Conversation not found.",
    cannedAnswer: "Canned answer not found.",
    unit: "Unit not found.",
    staff: "Staff member not found.",
    apiKey: "No active API key found.",
    template: "Message template not found.",
    notification: "Notification not found.",
    webhookEvent: "This failed event was not found (it may have been processed again).",
    followup: "Follow-up not found.",
    procedure: "Procedure not found.",
    calendarDay: "This day is not in the calendar.",
    officeHours: "This unit has no office hours of its own.",
    announcementOfKey: "This announcement is not in the key's unit.",
    unitOfKey: "No unit with code {code} within the key's scope.",
  },
  unit: {
    notExists: "The unit does not exist.",
    invalid: "The unit is not valid.",
    outOfScope: "The unit does not exist or is outside your scope.",
    parentMissing: "The parent unit does not exist.",
    parentIsChild: "A child unit cannot be chosen as the parent unit.",
    codeValidFrom: "The new code must take effect after the current code.",
    processingInactive: "The processing unit does not exist or is no longer active.",
  },
  staff: {
    usernameTaken: "This username is already taken.",
    selfDemote: "You cannot lower the role of, or lock, your own administrator account.",
    wrongPassword: "The current password is wrong.",
  },
  dossier: {
    nationalCodeIsInternal:
      "This code carries the identifier of a unit on this system (an internal dossier code), " +
      "not a code of the national public service portal.",
    unitCodeIsNationalPrefix: "This identifier is already the prefix of a recorded national portal dossier code.",
    noUnitCode: "The receiving unit has no electronic identifier valid on {day}, so no dossier code can be issued.",
    procedureMissing: "The procedure does not exist or is no longer applied.",
    procedureOutOfScope: "This procedure is not within the unit's intake scope.",
    unitRequired: "Choose the receiving unit.",
    unitOutOfScope: "The receiving unit is not valid or is outside your scope.",
    receivedAtSystem: "The time of receipt is recorded by the system, not typed in.",
    receivedAtTooEarly: "The time of receipt cannot be more than {days} days ago.",
    catalogueChanging:
      "The procedures, units or calendar keep changing; the dossier was not received. Please try again.",
    nationalCodeTaken: "This dossier code has already been recorded.",
    illegalTransition: 'A dossier cannot move from "{from}" to "{to}".',
    illegalApology: 'A dossier in status "{from}" cannot get an apology letter.',
    noAppointment: "The dossier has no appointment date, so no apology letter is needed.",
    apologyTooLate:
      "An apology letter must be issued at least 1 working day before the due date ({at}). " +
      "This dossier is past that point.",
    newDueAtBefore: "The new due date must be after the current one ({at}).",
    feeRequired: "Enter the fee to be paid.",
    lateReasonRequired: "Enter the reason for the delay.",
    reasonRequired: "Enter the reason.",
    missingRequired: "Enter the documents to supplement, one per line.",
    newDueAtRequired: "Choose the new due date.",
    closed: "The dossier is closed; its details cannot be corrected.",
    zaloPhoneRequired:
      "The dossier is registered for Zalo notifications: a valid mobile number of the submitter is needed.",
    smsPhoneRequired: "The dossier is registered for SMS: the submitter's mobile number is needed.",
    nothingChanged: "Nothing has changed.",
  },
  conversation: {
    cannedUnitRequired: "Choose the unit that uses this answer (shared answers are created by the province admin).",
    cannedPlaceholders: "Answer text: there is no placeholder {unknown}. Available: {allowed}.",
    paidNotAllowed:
      "More than 48 hours since the citizen's last interaction; the settings do not allow paid consultation messages.",
    confirmPaid: "More than 48 hours: this consultation message is charged. Tick the confirmation to send it.",
    noZbsTemplate: "More than 7 days: Zalo takes no consultation messages and no ZBS template is configured to reply.",
    noPhone:
      "More than 7 days and this Zalo account has no linked phone number, so no ZBS template message can be sent.",
    useTemplate: "More than 7 days: only an approved ZBS template message can be sent. Tick to send it as a template.",
    retryOnlyFailed: "Only a reply that failed can be sent again.",
    transferTargetMissing: "The receiving unit does not exist or is no longer active.",
    transferSameUnit: "The conversation already belongs to this unit.",
    assigneeOutside: "Assign only to active staff of the unit that owns the conversation.",
  },
  zalo: {
    saveCredentialsFirst: "Save the App ID and App Secret before connecting.",
    badState: "The authorisation session is invalid or has expired. Please click connect again.",
    otherOa: "Zalo returned OA {got}, not the configured OA ID ({configured}).",
    otherOaShort: "Zalo returned OA {got}, not the configured OA ID.",
    noToken: "Zalo issued no token: {reason}",
    refreshRefused: "Zalo refused the refresh token: {reason}",
  },
  notification: {
    resendOnlyFailed: "Only a message that failed for good can be sent again.",
  },
  announcement: {
    bodyNotArray: "Body: must be an array of blocks.",
  },
  rating: {
    assigneeOutside: "The assignee is not in your unit.",
    actionRequired: "Record what was done before marking it done.",
  },
  homeSupport: {
    assigneeOutside: "The staff member is not in the unit that took the registration.",
  },
  report: {
    badCursor: "Invalid page cursor; use the nextCursor value of the previous page as it is.",
    badDate: "Invalid date.",
    endBeforeStart: "The end date must be on or after the start date.",
    tooLong: "A report period is at most 3 years.",
    noPage: "The page does not exist.",
  },
  procedure: {
    codeTakenBy: 'Procedure code {code} is already used for "{name}".',
    codeTaken: "Procedure code {code} is already used for another procedure.",
    alreadyRetired: "This procedure is no longer applied.",
    alreadyActive: "This procedure is already applied.",
  },
  calendar: {
    dayExistsEdit: "{day} is already in the calendar; edit that day instead of adding it.",
    dayExists: "{day} is already in the calendar.",
    notProposed: "{days} are not in the proposal for {year}.",
  },
  field: {
    required: "{label}: required.",
    tooLong: "{label}: at most {max} characters.",
  },
  api: {
    validationTitle: "Invalid data",
    validationDetail: "The data is not valid. See the errors list, one per field.",
    notFoundTitle: "Not found",
    conflictTitle: "Could not be done",
    forbiddenTitle: "Forbidden",
    rateLimitedTitle: "Too many requests",
    badRequestTitle: "Bad request",
    internalTitle: "System error",
    internalDetail: "The system failed to process the request. Please try again later.",
    unauthorizedTitle: "Not authenticated",
    tooLargeTitle: "Request too large",
    tooLarge: "The request body is at most {kb} KB.",
    malformedTitle: "Invalid JSON",
    malformedJson: "The request body must be a valid JSON object (Content-Type: application/json).",
    notAnObject: "The request body must be a JSON object.",
    noStatisticsScope:
      "This API key may not read statistics (statistics.read). An administrator grants it when creating the key.",
    keyRateLimited:
      "The API key exceeded its limit of {limit} requests a minute. Please try again in {seconds} seconds.",
    idempotencyKeyTitle: "Invalid Idempotency-Key",
    idempotencyKeyLength: "An Idempotency-Key has 1 to {max} characters.",
    idempotencyReusedTitle: "Idempotency-Key used for another request",
    idempotencyReused:
      "This Idempotency-Key was used with a different request body. Use a new key for each new request.",
    idempotencyInProgressTitle: "Request in progress",
    idempotencyInProgress:
      "A request with the same Idempotency-Key is being processed. Please try again in a few minutes.",
    unauthorizedDetail: "Missing or wrong API key (Authorization: Bearer '<key>'), or the key has been revoked.",
  },
};
