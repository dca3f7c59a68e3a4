import type { AnnouncementStatus } from "@/db/schema";
import { vi } from "@/lib/i18n/messages/vi";

/**
 * Where each status may be reached from; every UPDATE puts these in its WHERE so two people acting at once
 * (approve while the author edits, cancel while the worker finishes) cannot move an announcement backwards.
 */
export const announcementAllowedFrom: Record<AnnouncementStatus, readonly AnnouncementStatus[]> = {
  draft: [],
  submitted: ["draft", "returned", "approved", "paused"],
  returned: ["submitted"],
  approved: ["submitted", "paused"],
  sending: ["approved"],
  paused: ["approved", "sending"],
  sent: ["sending"],
  cancelled: ["draft", "submitted", "returned", "approved", "sending", "paused"],
};

/** States whose content the author may still change; approved and paused ones go back for approval. */
export const editableStatuses: readonly AnnouncementStatus[] = ["draft", "returned", "submitted", "approved", "paused"];

export function canMoveAnnouncement(from: AnnouncementStatus, to: AnnouncementStatus): boolean {
  return announcementAllowedFrom[to].includes(from);
}

/** Vietnamese labels for services and stored texts; pages take them from the caller's catalogue. */
export const categoryLabels = vi.announcements.categories;
