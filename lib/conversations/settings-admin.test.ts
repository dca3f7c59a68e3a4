import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, calendarDays, cannedAnswers, conversationSettings } from "@/db/schema";
import { useTestDb } from "@/db/testing";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { seedTestOrg } from "@/lib/testing";
import { conversationAdminView } from "./admin-view";
import { deleteCannedAnswer } from "./delete-canned";
import { deadlineFor } from "./petition";
import { saveCannedAnswer } from "./save-canned";
import { saveConversationSettings } from "./save-settings";
import { getConversationSettings } from "./settings";

let h: DbHandle;
let org: Awaited<ReturnType<typeof seedTestOrg>>;

beforeAll(async () => {
  h = await useTestDb();
  org = await seedTestOrg(h.db);
});
afterAll(() => h?.close());

const settingsForm = (over: Record<string, string> = {}) => ({
  "deadlineDays.question": "3",
  "deadlineDays.report": "15",
  "deadlineDays.petition": "15",
  "deadlineDays.suggestion": "0",
  "deadlineDays.other": "5",
  zbsTemplateId: "320001",
  ...over,
});
const audits = (action: string) => h.db.select().from(auditLog).where(eq(auditLog.action, action));

describe("conversation settings", () => {
  it("only a holder of conversations.manage changes them", async () => {
    for (const ctx of [org.receptionist, org.supervisor]) {
      await expect(saveConversationSettings({ ...ctx, db: h.db }, settingsForm())).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(conversationAdminView({ ...ctx, db: h.db })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("refuses bad values field by field in Vietnamese and changes nothing", async () => {
    const before = await getConversationSettings(h.db);
    const err = await saveConversationSettings(
      { ...org.admin, db: h.db },
      settingsForm({ "deadlineDays.report": "-1", "deadlineDays.other": "2,5", zbsTemplateId: "mau-abc" }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toMatchObject({
      "deadlineDays.report": "Hạn giải quyết phản ánh: không được âm (0 = không tính hạn).",
      "deadlineDays.other": expect.stringContaining("Hạn trả lời loại khác"),
      zbsTemplateId: "Mã mẫu ZBS: chỉ gồm chữ số (mã Zalo cấp khi duyệt mẫu).",
    });
    expect(await getConversationSettings(h.db)).toEqual(before);
  });

  it(
    "saves deadlines, the paid-reply switch and the template " + "with an audit row; new deadlines count working days",
    async () => {
      await saveConversationSettings({ ...org.admin, db: h.db }, settingsForm());
      expect(await getConversationSettings(h.db)).toMatchObject({
        deadlineDays: { question: 3, report: 15, petition: 15, suggestion: 0, other: 5 },
        allowPaidReplies: false,
        zbsTemplateId: "320001",
      });
      const [row] = await audits("conversation.settings");
      expect(row.changes).toMatchObject({ after: { allowPaidReplies: false, deadlineDays: { question: 3 } } });
      // Friday 4/12/2026 + 3 working days, with Monday 7/12 made a holiday → Thursday 10/12.
      await h.db
        .insert(calendarDays)
        .values({ date: "2026-12-07", kind: "holiday", name: "Nghỉ thử", confirmed: true })
        .onConflictDoNothing();
      const due = await deadlineFor(h.db, org.unitIds.center, "question", new Date("2026-12-04T02:00:00Z"));
      expect(due?.toISOString().slice(0, 10)).toBe("2026-12-10");
      expect(await deadlineFor(h.db, org.unitIds.center, "suggestion", new Date("2026-12-04T02:00:00Z"))).toBeNull();
      await saveConversationSettings(
        { ...org.admin, db: h.db },
        settingsForm({ allowPaidReplies: "on", zbsTemplateId: "" }),
      );
      expect(await getConversationSettings(h.db)).toMatchObject({ allowPaidReplies: true, zbsTemplateId: null });
      expect(await h.db.select().from(conversationSettings)).toHaveLength(1);
    },
  );
});

describe("canned answers", () => {
  it("are created, edited and deleted with audit rows; placeholders must be known ones", async () => {
    const id = await saveCannedAnswer(
      { ...org.admin, db: h.db },
      {
        title: "Hẹn trả kết quả",
        body: "Kính gửi {ten}, hồ sơ {so_tiep_nhan} trả lời trước {han_tra_loi}.",
        unitId: "",
      },
    );
    const bad = await saveCannedAnswer(
      { ...org.admin, db: h.db },
      { title: "Sai", body: "Kính gửi {ho_ten} {ten}", unitId: "" },
    ).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).fieldErrors.body).toBe(
      "Nội dung mẫu: không có chỗ điền {ho_ten}. Dùng được: {ten}, {so_tiep_nhan}, {han_tra_loi}, {can_bo}, {don_vi}.",
    );
    const empty = await saveCannedAnswer({ ...org.admin, db: h.db }, { title: " ", body: "" }).catch((e: unknown) => e);
    expect((empty as ValidationError).fieldErrors).toEqual({
      title: "Tên mẫu: bắt buộc nhập.",
      body: "Nội dung mẫu: bắt buộc nhập.",
    });

    await saveCannedAnswer(
      { ...org.admin, db: h.db },
      {
        id: String(id),
        title: "Hẹn trả kết quả",
        body: "Kính gửi {ten}: cán bộ {can_bo} ({don_vi}) đã nhận.",
        unitId: String(org.unitIds.center),
      },
    );
    const [row] = await h.db.select().from(cannedAnswers).where(eq(cannedAnswers.id, id));
    expect(row).toMatchObject({
      unitId: org.unitIds.center,
      body: "Kính gửi {ten}: cán bộ {can_bo} ({don_vi}) đã nhận.",
    });
    expect((await conversationAdminView({ ...org.admin, db: h.db })).canned.map((c) => c.title)).toContain(
      "Hẹn trả kết quả",
    );

    await deleteCannedAnswer({ ...org.admin, db: h.db }, { id: String(id) });
    expect(await h.db.select().from(cannedAnswers).where(eq(cannedAnswers.id, id))).toEqual([]);
    for (const action of ["canned.create", "canned.update", "canned.delete"]) {
      expect(
        await h.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(id)))),
      ).toHaveLength(1);
    }
    await expect(deleteCannedAnswer({ ...org.admin, db: h.db }, { id: String(id) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("cannot be managed without the permission", async () => {
    const [row] = await h.db
      .insert(cannedAnswers)
      .values({ unitId: org.unitIds.center, title: "Của trung tâm", body: "x" })
      .returning();
    await expect(
      saveCannedAnswer(
        { ...org.receptionist, db: h.db },
        { title: "Mới", body: "x", unitId: String(org.unitIds.center) },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      deleteCannedAnswer({ ...org.receptionistThanhSen, db: h.db }, { id: String(row.id) }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await h.db.select().from(cannedAnswers).where(eq(cannedAnswers.id, row.id))).toHaveLength(1);
  });
});
