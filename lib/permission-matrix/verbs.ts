import { composeData } from "@/lib/announcements/compose-data";
import { uploadAnnouncementImage } from "@/lib/announcements/images";
import { oaPosterPdf, posterUnits } from "@/lib/announcements/poster";
import {
  announcementPlanPreview,
  announcementProgress,
  announcementRecipientsReport,
  getAnnouncement,
  listAnnouncements,
} from "@/lib/announcements/queries";
import { createAnnouncement, saveAnnouncementDraft } from "@/lib/announcements/save-draft";
import { readAnnouncementSettings, saveAnnouncementSettings } from "@/lib/announcements/save-settings";
import {
  approveAnnouncement,
  cancelAnnouncement,
  pauseAnnouncement,
  resumeAnnouncement,
  returnAnnouncement,
  submitAnnouncement,
} from "@/lib/announcements/workflow";
import { createApiKey } from "@/lib/api/create-key";
import { listApiKeys } from "@/lib/api/key-queries";
import { revokeApiKey } from "@/lib/api/revoke-key";
import { listAudit } from "@/lib/audit/list";
import {
  addProposals,
  confirmCalendarDay,
  createCalendarDay,
  deleteCalendarDay,
  getCalendarDay,
  listCalendarDays,
  listCalendarYears,
  previewProposals,
  updateCalendarDay,
} from "@/lib/calendar/admin/days";
import { deleteOfficeHours, listOfficeHours, saveOfficeHours } from "@/lib/calendar/admin/office-hours";
import { assignConversation } from "@/lib/conversations/assign";
import { classifyConversation } from "@/lib/conversations/classify";
import { faqOfConversation, saveFaqEntry } from "@/lib/conversations/faq";
import { markConversationRead } from "@/lib/conversations/mark-read";
import { addNote } from "@/lib/conversations/note";
import { petitionFigures } from "@/lib/conversations/petition-stats";
import { countUnread, getConversation, listConversations } from "@/lib/conversations/queries";
import { replyToConversation } from "@/lib/conversations/reply";
import { resolveConversation } from "@/lib/conversations/resolve";
import { retryReply } from "@/lib/conversations/retry";
import { conversationAdminView } from "@/lib/conversations/admin-view";
import { deleteCannedAnswer } from "@/lib/conversations/delete-canned";
import { saveCannedAnswer } from "@/lib/conversations/save-canned";
import { saveConversationSettings } from "@/lib/conversations/save-settings";
import { transferConversation } from "@/lib/conversations/transfer";
import { correctDossier } from "@/lib/dossiers/correct";
import { homeFigures } from "@/lib/dossiers/home-figures";
import { exportDossierRows, listDossiers, listFilterOptions } from "@/lib/dossiers/list";
import { getDossier, getReceipt } from "@/lib/dossiers/detail";
import { receiveDossier } from "@/lib/dossiers/receive";
import { transitionDossier } from "@/lib/dossiers/transition";
import { withdrawZaloAtCounter } from "@/lib/dossiers/zalo-withdraw";
import { listZaloEvents } from "@/lib/zalo-webhook/list";
import { requeueZaloEvent } from "@/lib/zalo-webhook/requeue";
import { followerTags, getFollower, listFollowers } from "@/lib/followers/list";
import { followerSyncState, startFollowerSync } from "@/lib/followers/sync";
import { changeFollowerTag, setFollowerTag } from "@/lib/followers/tags";
import { capacityOverview, saveCapacity } from "@/lib/home-support/capacity";
import {
  addRegistrationNote,
  assignRegistration,
  changeRegistrationStatus,
  linkDossierToRegistration,
} from "@/lib/home-support/manage";
import { intakePrefill } from "@/lib/home-support/prefill";
import { getRegistration, listRegistrations } from "@/lib/home-support/queries";
import {
  deliveryOverview,
  getNotificationTemplate,
  listDossierNotifications,
  listNotificationTemplates,
} from "@/lib/notifications/queries";
import { resendNotification } from "@/lib/notifications/resend";
import { saveNotificationTemplate } from "@/lib/notifications/save-template";
import { oaMenuAdminView, saveBotText, saveOaMenu, saveOaMenuSettings } from "@/lib/oa-menu/save";
import { getProcedure, listProcedureFields, listProcedures } from "@/lib/procedures/queries";
import { reactivateProcedure, retireProcedure } from "@/lib/procedures/retire";
import { createProcedure, updateProcedure } from "@/lib/procedures/save";
import { searchProceduresForIntake } from "@/lib/procedures/search";
import { followupAssignees, listFollowups, updateFollowup } from "@/lib/ratings/followups";
import { readRatingSettings, saveRatingSettings } from "@/lib/ratings/save-settings";
import { counterRatingPage, submitCounterRating } from "@/lib/ratings/submit";
import { dashboardCharts } from "@/lib/reports/charts";
import { drillDown } from "@/lib/reports/direct";
import { exportStatutoryReport } from "@/lib/reports/export";
import { dashboard } from "@/lib/reports/figures";
import { ratingsCsvStream } from "@/lib/reports/ratings-csv";
import { ratingsFeed } from "@/lib/reports/ratings-feed";
import { statutoryReport } from "@/lib/reports/statutory";
import { reportUnits } from "@/lib/reports/units";
import { getStaffMember, listStaff } from "@/lib/staff/queries";
import { changeOwnPassword, createStaff, resetStaffPassword, updateStaff } from "@/lib/staff/save";
import { getUnit, listUnits } from "@/lib/units/queries";
import { createUnit, updateUnit } from "@/lib/units/save";
import { setZbsDevelopmentMode } from "@/lib/notifications/set-development-mode";
import { dossierZaloAccount } from "@/lib/notifications/zalo-account";
import { zaloAdminView, zaloShellAlerts } from "@/lib/zalo/admin-view";
import { completeZaloOAuth, saveRefreshToken, startZaloOAuth } from "@/lib/zalo/connect";
import { saveZaloSettings } from "@/lib/zalo/save-settings";
import type { Ctx } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";

export interface Verb {
  name: string;
  /** The permissions the verb needs: a list means "all of", a list of lists "any of these sets". */
  permission: Permission[] | Permission[][] | "any staff";
  /** Verbs that answer null or false to a caller without the permission, instead of refusing. */
  quiet?: boolean;
  call: (ctx: Ctx) => Promise<unknown>;
}

const NO_ID = 987_654;
// Invalid for most schemas, so a verb that parses before its permission check shows up as "passed" when refused.
const junk = { id: "x", from: "x", to: "x", unit: "x", page: "x", cursor: 1, year: "x", code: 1, status: 1 };
const from = new Date("2026-01-01T00:00:00+07:00");
const to = new Date("2026-02-01T00:00:00+07:00");
const noTags = { tagUser: async () => {}, untagUser: async () => {} } as unknown as Parameters<
  typeof setFollowerTag
>[3];

const v = (name: string, permission: Verb["permission"], call: Verb["call"], quiet?: boolean): Verb => ({
  name,
  permission,
  call,
  quiet,
});

/** Every service verb with throw-away input: enough to pass or fail the permission check, never to change data. */
export const serviceVerbs: Verb[] = [
  // Dossiers
  v("receiveDossier", ["dossiers.create"], (c) => receiveDossier(c, junk)),
  v("transitionDossier", ["dossiers.transition"], (c) => transitionDossier(c, junk)),
  v("correctDossier", ["dossiers.create"], (c) => correctDossier(c, junk)),
  v("withdrawZaloAtCounter", ["dossiers.create"], (c) => withdrawZaloAtCounter(c, junk)),
  v("listDossiers", ["dossiers.read"], (c) => listDossiers(c, junk)),
  v("exportDossierRows", ["dossiers.export"], (c) => exportDossierRows(c, junk)),
  v("listFilterOptions", ["dossiers.read"], (c) => listFilterOptions(c)),
  v("getDossier", ["dossiers.read"], (c) => getDossier(c, "X-000000-0000")),
  v("getReceipt", ["dossiers.read"], (c) => getReceipt(c, "X-000000-0000")),
  v("homeFigures", [["dossiers.read"]], (c) => homeFigures(c), true),
  // Procedures
  v("listProcedures", ["procedures.read"], (c) => listProcedures(c, junk)),
  v("listProcedureFields", ["procedures.read"], (c) => listProcedureFields(c)),
  v("getProcedure", ["procedures.read"], (c) => getProcedure(c, NO_ID)),
  v("searchProceduresForIntake", ["procedures.read"], (c) => searchProceduresForIntake(c, "hộ tịch")),
  v("createProcedure", ["procedures.manage"], (c) => createProcedure(c, junk)),
  v("updateProcedure", ["procedures.manage"], (c) => updateProcedure(c, junk)),
  v("retireProcedure", ["procedures.manage"], (c) => retireProcedure(c, junk)),
  v("reactivateProcedure", ["procedures.manage"], (c) => reactivateProcedure(c, junk)),
  // Calendar
  v("listCalendarDays", ["calendar.manage"], (c) => listCalendarDays(c, "2026")),
  v("getCalendarDay", ["calendar.manage"], (c) => getCalendarDay(c, NO_ID)),
  v("listCalendarYears", ["calendar.manage"], (c) => listCalendarYears(c)),
  v("createCalendarDay", ["calendar.manage"], (c) => createCalendarDay(c, junk)),
  v("updateCalendarDay", ["calendar.manage"], (c) => updateCalendarDay(c, junk)),
  v("confirmCalendarDay", ["calendar.manage"], (c) => confirmCalendarDay(c, junk)),
  v("deleteCalendarDay", ["calendar.manage"], (c) => deleteCalendarDay(c, junk)),
  v("previewProposals", ["calendar.manage"], (c) => previewProposals(c, "x")),
  v("addProposals", ["calendar.manage"], (c) => addProposals(c, junk)),
  v("listOfficeHours", ["calendar.manage"], (c) => listOfficeHours(c)),
  v("saveOfficeHours", ["calendar.manage"], (c) => saveOfficeHours(c, junk)),
  v("deleteOfficeHours", ["calendar.manage"], (c) => deleteOfficeHours(c, junk)),
  // Announcements and followers
  v("composeData", ["announcements.read"], (c) => composeData(c)),
  v("uploadAnnouncementImage", ["announcements.write"], (c) => uploadAnnouncementImage(c, { bytes: new Uint8Array() })),
  v("oaPosterPdf", ["announcements.read"], (c) => oaPosterPdf(c, NO_ID)),
  v("posterUnits", ["announcements.read"], (c) => posterUnits(c)),
  v("listAnnouncements", ["announcements.read"], (c) => listAnnouncements(c, {})),
  v("getAnnouncement", ["announcements.read"], (c) => getAnnouncement(c, NO_ID)),
  v("announcementProgress", ["announcements.read"], (c) => announcementProgress(c, NO_ID)),
  v("announcementRecipientsReport", ["announcements.read"], (c) => announcementRecipientsReport(c, NO_ID)),
  v("announcementPlanPreview", ["announcements.read"], (c) => announcementPlanPreview(c, NO_ID)),
  v("createAnnouncement", ["announcements.write"], (c) => createAnnouncement(c, junk)),
  v("saveAnnouncementDraft", ["announcements.write"], (c) => saveAnnouncementDraft(c, NO_ID, junk)),
  v("readAnnouncementSettings", ["announcements.read"], (c) => readAnnouncementSettings(c)),
  v("saveAnnouncementSettings", ["notifications.admin"], (c) => saveAnnouncementSettings(c, junk)),
  v("submitAnnouncement", ["announcements.write"], (c) => submitAnnouncement(c, junk)),
  v("approveAnnouncement", ["announcements.approve"], (c) => approveAnnouncement(c, junk)),
  v("returnAnnouncement", ["announcements.approve"], (c) => returnAnnouncement(c, junk)),
  v("pauseAnnouncement", ["announcements.approve"], (c) => pauseAnnouncement(c, junk)),
  v("resumeAnnouncement", ["announcements.approve"], (c) => resumeAnnouncement(c, junk)),
  v("cancelAnnouncement", ["announcements.read"], (c) => cancelAnnouncement(c, junk)),
  v("listFollowers", ["announcements.read"], (c) => listFollowers(c, {})),
  v("followerTags", ["announcements.read"], (c) => followerTags(c)),
  v("getFollower", ["announcements.read"], (c) => getFollower(c, NO_ID)),
  v("followerSyncState", ["announcements.read"], (c) => followerSyncState(c)),
  v("startFollowerSync", [["announcements.write"], ["announcements.approve"]], (c) => startFollowerSync(c)),
  v("setFollowerTag", ["announcements.write"], (c) => setFollowerTag(c, junk, true, noTags)),
  v("changeFollowerTag", ["announcements.write"], (c) => changeFollowerTag(c, junk, true)),
  // Conversations
  v("listConversations", ["conversations.read"], (c) =>
    listConversations(c, { view: "all", overdue: false, waiting: false, q: undefined }),
  ),
  v("countUnread", ["conversations.read"], (c) => countUnread(c)),
  v("getConversation", ["conversations.read"], (c) => getConversation(c, NO_ID)),
  v("markConversationRead", ["conversations.read"], (c) => markConversationRead(c, NO_ID)),
  v("faqOfConversation", ["conversations.read"], (c) => faqOfConversation(c, NO_ID)),
  v("petitionFigures", ["conversations.read"], (c) => petitionFigures(c, from, to)),
  v("replyToConversation", ["conversations.reply"], (c) => replyToConversation(c, junk)),
  v("retryReply", ["conversations.reply"], (c) => retryReply(c, junk)),
  v("conversationAdminView", ["conversations.manage"], (c) => conversationAdminView(c)),
  v("saveConversationSettings", ["conversations.manage"], (c) => saveConversationSettings(c, junk)),
  v("saveCannedAnswer", ["conversations.manage"], (c) => saveCannedAnswer(c, junk)),
  v("deleteCannedAnswer", ["conversations.manage"], (c) => deleteCannedAnswer(c, junk)),
  v("transferConversation", ["conversations.reply"], (c) => transferConversation(c, junk)),
  v("assignConversation", ["conversations.reply"], (c) => assignConversation(c, junk)),
  v("classifyConversation", ["conversations.reply"], (c) => classifyConversation(c, junk)),
  v("addNote", ["conversations.reply"], (c) => addNote(c, junk)),
  v("resolveConversation", ["conversations.reply"], (c) => resolveConversation(c, junk)),
  v("saveFaqEntry", ["conversations.reply"], (c) => saveFaqEntry(c, junk)),
  // Home support
  v("listRegistrations", ["homesupport.read"], (c) => listRegistrations(c, junk)),
  v("getRegistration", ["homesupport.read"], (c) => getRegistration(c, NO_ID)),
  v("capacityOverview", ["homesupport.manage"], (c) => capacityOverview(c)),
  v("saveCapacity", ["homesupport.manage"], (c) => saveCapacity(c, junk)),
  v("changeRegistrationStatus", ["homesupport.manage"], (c) => changeRegistrationStatus(c, junk)),
  v("assignRegistration", ["homesupport.manage"], (c) => assignRegistration(c, junk)),
  v("addRegistrationNote", ["homesupport.manage"], (c) => addRegistrationNote(c, junk)),
  v("linkDossierToRegistration", ["homesupport.manage"], (c) => linkDossierToRegistration(c, junk)),
  v("intakePrefill", ["homesupport.manage", "dossiers.create"], (c) => intakePrefill(c, 1), true),
  // Ratings and reports
  v("listFollowups", ["ratings.read"], (c) => listFollowups(c)),
  v("followupAssignees", ["ratings.followup"], (c) => followupAssignees(c)),
  v("updateFollowup", ["ratings.followup"], (c) => updateFollowup(c, junk)),
  v("saveRatingSettings", ["ratings.manage"], (c) => saveRatingSettings(c, junk)),
  v("readRatingSettings", ["ratings.manage"], (c) => readRatingSettings(c)),
  v("submitCounterRating", ["dossiers.transition"], (c) => submitCounterRating(c, junk)),
  v("counterRatingPage", ["dossiers.transition"], (c) => counterRatingPage(c, "X-000000-0000")),
  v("reportUnits", ["reports.read"], (c) => reportUnits(c)),
  v("dashboard", ["reports.read"], (c) => dashboard(c, junk)),
  v("dashboardCharts", ["reports.read"], (c) => dashboardCharts(c, junk)),
  v("drillDown", ["reports.read"], (c) => drillDown(c, junk)),
  v("statutoryReport", ["reports.read"], (c) => statutoryReport(c, junk)),
  v("exportStatutoryReport", ["reports.read"], (c) => exportStatutoryReport(c, junk)),
  v("ratingsFeed", ["reports.read"], (c) => ratingsFeed(c, junk)),
  v("ratingsCsvStream", ["reports.read"], (c) => ratingsCsvStream(c, junk)),
  // Notifications and templates
  v("listDossierNotifications", ["notifications.read"], (c) => listDossierNotifications(c, NO_ID)),
  v("dossierZaloAccount", ["notifications.read"], (c) => dossierZaloAccount(c, NO_ID)),
  v("deliveryOverview", ["notifications.admin"], (c) => deliveryOverview(c)),
  v("resendNotification", ["notifications.resend"], (c) => resendNotification(c, junk)),
  v("listNotificationTemplates", ["templates.manage"], (c) => listNotificationTemplates(c)),
  v("getNotificationTemplate", ["templates.manage"], (c) => getNotificationTemplate(c, "none")),
  v("saveNotificationTemplate", ["templates.manage"], (c) => saveNotificationTemplate(c, junk)),
  // Zalo, OA menu, webhook events
  v("zaloAdminView", ["zalo.settings"], (c) => zaloAdminView(c)),
  v("zaloShellAlerts", ["zalo.settings"], (c) => zaloShellAlerts(c), true),
  // Writes "off" for the permitted (the default): enough to tell the check, no change that matters.
  v("setZbsDevelopmentMode", ["zalo.settings"], (c) => setZbsDevelopmentMode(c, {})),
  v("startZaloOAuth", ["zalo.settings"], (c) => startZaloOAuth(c)),
  v("completeZaloOAuth", ["zalo.settings"], (c) => completeZaloOAuth(c, junk)),
  v("saveRefreshToken", ["zalo.settings"], (c) => saveRefreshToken(c, junk)),
  v("saveZaloSettings", ["zalo.settings"], (c) => saveZaloSettings(c, junk)),
  v("oaMenuAdminView", ["zalo.settings"], (c) => oaMenuAdminView(c)),
  v("saveOaMenu", ["zalo.settings"], (c) => saveOaMenu(c, junk)),
  v("saveOaMenuSettings", ["zalo.settings"], (c) => saveOaMenuSettings(c, junk)),
  v("saveBotText", ["zalo.settings"], (c) => saveBotText(c, junk)),
  v("listZaloEvents", ["zalo.events.read"], (c) => listZaloEvents(c, junk)),
  v("requeueZaloEvent", ["zalo.settings"], (c) => requeueZaloEvent(c, junk)),
  // Administration
  v("listUnits", "any staff", (c) => listUnits(c)),
  v("getUnit", ["units.manage"], (c) => getUnit(c, NO_ID)),
  v("createUnit", ["units.manage"], (c) => createUnit(c, junk)),
  v("updateUnit", ["units.manage"], (c) => updateUnit(c, junk)),
  v("listStaff", ["staff.manage"], (c) => listStaff(c)),
  v("getStaffMember", ["staff.manage"], (c) => getStaffMember(c, NO_ID)),
  v("createStaff", ["staff.manage"], (c) => createStaff(c, junk)),
  v("updateStaff", ["staff.manage"], (c) => updateStaff(c, junk)),
  v("resetStaffPassword", ["staff.manage"], (c) => resetStaffPassword(c, junk)),
  v("changeOwnPassword", ["account.self"], (c) => changeOwnPassword(c, junk)),
  v("listApiKeys", ["apikeys.manage"], (c) => listApiKeys(c)),
  v("createApiKey", ["apikeys.manage"], (c) => createApiKey(c, junk)),
  v("revokeApiKey", ["apikeys.manage"], (c) => revokeApiKey(c, junk)),
  v("listAudit", ["audit.read"], (c) => listAudit(c, junk)),
];
