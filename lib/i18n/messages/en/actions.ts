import type { Widen } from "../vi";
import type { actions as viActions } from "../vi/actions";

export const actions: Widen<typeof viActions> = {
  zaloSaved: "Zalo settings saved.",
  refreshTokenSaved: "Refresh token saved and connected.",
  eventRequeued: "The event is back in the queue.",
  unitAdded: "Unit added.",
  templateSaved: "Message template saved.",
  staffAdded: "Staff member added.",
  passwordReset: "Password reset. The staff member must change it at the next sign-in.",
  keyRevoked: "Key revoked.",
  ratingSettingsSaved: "Rating settings saved.",
  replyQueued: "The reply is queued for sending.",
  noteAdded: "Note added.",
  assigned: "Assigned.",
  classified: "Classification saved.",
  resolved: "Conversation closed.",
  retryQueued: "The message is queued to be sent again.",
  faqSaved: "Question saved to the public Q&A page.",
  followupSaved: "Follow-up saved.",
  procedureRetired: "Procedure retired.",
  procedureReactivated: "The procedure is applied again.",
};
