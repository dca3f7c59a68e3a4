import type { AnnouncementStatus } from "@/db/schema";

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

export const announcementStatusLabels: Record<AnnouncementStatus, string> = {
  draft: "Bản nháp",
  submitted: "Chờ duyệt",
  returned: "Bị trả lại",
  approved: "Đã duyệt, chờ gửi",
  sending: "Đang gửi",
  paused: "Tạm dừng",
  sent: "Đã gửi xong",
  cancelled: "Đã hủy",
};

export const categoryLabels = {
  thu_tuc: "Thủ tục mới / bãi bỏ",
  van_ban: "Văn bản mới",
  huong_dan: "Hướng dẫn",
  su_kien: "Sự kiện",
  khac: "Khác",
} as const;

export const skipReasonLabels = {
  cap_month: "Đã nhận đủ số tin trong tháng",
  cap_day: "Đã nhận tin trong ngày",
  window: "Quá thời hạn tương tác (48 giờ)",
  quiet_hours: "Hết hạn tương tác trong giờ nghỉ đêm (22:00–06:00)",
  not_following: "Đã bỏ quan tâm OA",
} as const;
