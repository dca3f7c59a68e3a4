import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { announcementRecipients, announcements, auditLog } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { uploadAnnouncementImage } from "./images";
import { createAnnouncement, saveAnnouncementDraft } from "./save-draft";
import {
  approveAnnouncement,
  cancelAnnouncement,
  pauseAnnouncement,
  resumeAnnouncement,
  returnAnnouncement,
  submitAnnouncement,
} from "./workflow";
import { getAnnouncement, listAnnouncements } from "./queries";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;

const draft = (over: Record<string, unknown> = {}) => ({
  title: "Thủ tục mới: cấp đổi căn cước trực tuyến",
  summary: "Từ 01/01/2027 người dân có thể nộp hồ sơ cấp đổi căn cước qua Cổng dịch vụ công.",
  category: "thu_tuc",
  body: JSON.stringify([
    { type: "text", content: "Người dân đăng nhập VNeID và chọn thủ tục." },
    { type: "link", url: "https://dichvucong.gov.vn", text: "Cổng dịch vụ công quốc gia" },
  ]),
  audience: JSON.stringify({ kind: "all" }),
  ...over,
});

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
});
afterAll(() => h.close());

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 2, 128, 0, 0, 1, 104, 8, 2, 0, 0,
  0,
]);

describe("compose", () => {
  it("checks the cover image's real type and size, and the fields with Vietnamese messages", async () => {
    await expect(
      uploadAnnouncementImage(org.publisher, { bytes: new TextEncoder().encode("<svg onload=alert(1)>") }),
    ).rejects.toMatchObject({
      fieldErrors: { coverImage: "Ảnh: chỉ nhận tệp JPG, PNG hoặc WebP." },
    });
    await expect(
      uploadAnnouncementImage(org.publisher, { bytes: new Uint8Array(1_000_001).fill(0xff) }),
    ).rejects.toMatchObject({
      fieldErrors: { coverImage: "Ảnh: tối đa 1 MB (giới hạn của Zalo)." },
    });
    await expect(uploadAnnouncementImage(org.supervisor, { bytes: PNG })).rejects.toBeInstanceOf(ForbiddenError);
    const img = await uploadAnnouncementImage(org.publisher, { bytes: PNG });
    expect(img.url).toBe(`/tin-tuc/anh/${img.id}`);

    const err = await createAnnouncement(
      org.publisher,
      draft({ title: "", body: JSON.stringify([{ type: "link", url: "javascript:alert(1)", text: "x" }]) }),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors).toMatchObject({
      title: "Tiêu đề: bắt buộc nhập.",
      "body.0.url": expect.stringContaining("Liên kết"),
    });

    const a = await createAnnouncement(org.publisher, draft({ coverImageId: String(img.id) }));
    expect(a).toMatchObject({ status: "draft", coverImageId: img.id, unitId: org.unitIds.office });
    expect(a.slug).toBe(`thu-tuc-moi-cap-doi-can-cuoc-truc-tuyen-${a.id}`);
  });

  it("refuses another unit's cover image", async () => {
    const other = await uploadAnnouncementImage(await org.ctxOf("admin"), { bytes: PNG });
    const err = await createAnnouncement(org.publisher, draft({ coverImageId: other.id })).catch((e) => e);
    expect(org.admin.actor.unitId).not.toBe(org.publisher.actor.unitId);
    expect(err.fieldErrors).toEqual({ coverImageId: "Ảnh bìa: không tìm thấy ảnh đã tải lên." });
  });
});

describe("approval and permissions", () => {
  it("publisher writes and submits, cannot approve or send; supervisor approves, cannot edit", async () => {
    const a = await createAnnouncement(org.publisher, draft());
    await expect(createAnnouncement(org.supervisor, draft())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveAnnouncement(org.supervisor, { id: a.id })).rejects.toBeInstanceOf(ConflictError);
    await submitAnnouncement(org.publisher, { id: a.id });
    await expect(approveAnnouncement(org.publisher, { id: a.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveAnnouncementDraft(org.supervisor, a.id, draft({ title: "Sửa" }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(pauseAnnouncement(org.publisher, { id: a.id })).rejects.toBeInstanceOf(ForbiddenError);

    const returned = await returnAnnouncement(org.supervisor, { id: a.id, comment: "Bổ sung ngày hiệu lực" });
    expect(returned).toMatchObject({ status: "returned", reviewComment: "Bổ sung ngày hiệu lực" });
    await saveAnnouncementDraft(org.publisher, a.id, draft({ summary: "Hiệu lực từ 01/01/2027." }));
    await submitAnnouncement(org.publisher, { id: a.id });
    const approved = await approveAnnouncement(org.supervisor, { id: a.id, scheduledAt: "2099-01-02T08:30" });
    expect(approved.status).toBe("approved");
    expect(approved.scheduledAt?.toISOString()).toBe("2099-01-02T01:30:00.000Z");

    const actions = await h.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "announcement"), eq(auditLog.entityId, String(a.id))));
    expect(actions.map((x) => x.action)).toEqual([
      "announcement.create",
      "announcement.submit",
      "announcement.return",
      "announcement.edit",
      "announcement.submit",
      "announcement.approve",
    ]);
  });

  it("an edit after approval needs approval again; pause, resume and cancel are the approver's", async () => {
    const a = await createAnnouncement(org.publisher, draft());
    await submitAnnouncement(org.publisher, { id: a.id });
    await approveAnnouncement(org.supervisor, { id: a.id, scheduledAt: "2099-01-02T08:30" });
    const edited = await saveAnnouncementDraft(org.publisher, a.id, draft({ title: "Thủ tục mới (đính chính)" }));
    expect(edited).toMatchObject({ status: "submitted", approvedBy: null, version: 2 });
    await approveAnnouncement(org.supervisor, { id: a.id });
    await pauseAnnouncement(org.supervisor, { id: a.id });
    await resumeAnnouncement(org.supervisor, { id: a.id });
    await expect(cancelAnnouncement(org.publisher, { id: a.id })).rejects.toBeInstanceOf(ForbiddenError);
    const cancelled = await cancelAnnouncement(org.supervisor, { id: a.id });
    expect(cancelled.status).toBe("cancelled");
    await expect(saveAnnouncementDraft(org.publisher, a.id, draft())).rejects.toBeInstanceOf(ConflictError);
    await expect(resumeAnnouncement(org.supervisor, { id: a.id })).rejects.toBeInstanceOf(ConflictError);
  });

  it("another unit's staff cannot see or act on an announcement (not found, not forbidden)", async () => {
    const a = await createAnnouncement(org.publisher, draft());
    await submitAnnouncement(org.publisher, { id: a.id });
    const outsider = await org.ctxOf("receptionist.thanhsen");
    const foreignSupervisor = {
      ...org.supervisor,
      actor: { ...org.supervisor.actor, unitId: org.unitIds.thanhsen, unitPath: "/999/" },
    };
    await expect(approveAnnouncement(foreignSupervisor, { id: a.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAnnouncement(outsider, a.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getAnnouncement(foreignSupervisor, a.id)).toBeNull();
    const list = await listAnnouncements(foreignSupervisor, {});
    expect(list.items.find((x) => x.id === a.id)).toBeUndefined();
    expect((await listAnnouncements(org.supervisor, {})).items.find((x) => x.id === a.id)).toBeDefined();
  });

  it("cancelling a running send marks what is left as cancelled", async () => {
    const a = await createAnnouncement(org.publisher, draft());
    await h.db.update(announcements).set({ status: "sending" }).where(eq(announcements.id, a.id));
    await h.db.insert(announcementRecipients).values([
      { announcementId: a.id, followerId: 1, oaUserId: "u1", status: "sent" },
      { announcementId: a.id, followerId: 2, oaUserId: "u2", status: "queued" },
      { announcementId: a.id, followerId: 3, oaUserId: "u3", status: "failed_temporary" },
    ]);
    await cancelAnnouncement(org.supervisor, { id: a.id });
    const rows = await h.db
      .select()
      .from(announcementRecipients)
      .where(eq(announcementRecipients.announcementId, a.id))
      .orderBy(announcementRecipients.followerId);
    expect(rows.map((r) => r.status)).toEqual(["sent", "cancelled", "cancelled"]);
  });
});
