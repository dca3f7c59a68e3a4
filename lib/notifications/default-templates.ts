import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type NotificationChannel, type TemplateParam, notificationSettings, notificationTemplates } from "@/db/schema";

export interface DefaultTemplate {
  eventType: string;
  label: string;
  channels: NotificationChannel[];
  zbsTemplateId: string | null;
  zbsParams: TemplateParam[];
  csText: string;
}

const p = (param: string, field: string, maxLength: number): TemplateParam => ({ param, field, maxLength });
const customer = p("customer_name", "submitterName", 30);
const code = p("dossier_code", "code", 30);

/**
 * Working templates for the Zalo simulator's ZBS templates (lib/sim/templates.ts: ids 310001–310012 and
 * their parameter names and limits). A real OA replaces the ids with its approved ones on the admin page.
 */
export const defaultNotificationTemplates: DefaultTemplate[] = [
  {
    eventType: "received",
    label: "Tiếp nhận hồ sơ",
    channels: ["zbs"],
    zbsTemplateId: "310001",
    zbsParams: [
      customer,
      code,
      p("procedure_name", "procedureName", 200),
      p("received_date", "receivedAt", 20),
      p("due_date", "dueAtShort", 20),
      p("lookup_url", "lookupUrl", 200),
    ],
    csText:
      "Hồ sơ {code} ({procedureName}) đã được tiếp nhận lúc {receivedAt}. Ngày hẹn trả: {dueAt}. Tra cứu: {lookupUrl}",
  },
  {
    eventType: "receipt_issued",
    label: "Giấy tiếp nhận và hẹn trả kết quả",
    channels: ["zbs"],
    zbsTemplateId: "310002",
    zbsParams: [customer, code, p("receipt_url", "lookupUrl", 200)],
    csText: "Giấy tiếp nhận và hẹn trả kết quả hồ sơ {code}: {lookupUrl}",
  },
  {
    eventType: "assigned",
    label: "Chuyển xử lý",
    channels: ["zbs"],
    zbsTemplateId: "310003",
    zbsParams: [customer, code, p("unit_name", "unitName", 100)],
    csText: "Hồ sơ {code} đã được chuyển tới {unitName} để giải quyết.",
  },
  {
    eventType: "appraising",
    label: "Đang thẩm định",
    channels: ["zbs"],
    zbsTemplateId: "310004",
    zbsParams: [customer, code, p("unit_name", "unitName", 100)],
    csText: "Hồ sơ {code} đang được {unitName} thẩm định.",
  },
  {
    eventType: "awaiting_signature",
    label: "Trình ký",
    channels: ["zbs"],
    zbsTemplateId: "310005",
    zbsParams: [customer, code],
    csText: "Hồ sơ {code} đang chờ lãnh đạo ký duyệt.",
  },
  {
    eventType: "fee_requested",
    label: "Yêu cầu nộp phí, lệ phí",
    channels: ["zbs"],
    zbsTemplateId: "310006",
    zbsParams: [customer, code, p("amount", "feeAmountText", 30), p("payment_url", "paymentUrl", 200)],
    csText: "Hồ sơ {code} cần nộp phí, lệ phí {feeAmountText}. Thanh toán tại: {paymentUrl}",
  },
  {
    eventType: "fee_paid",
    label: "Đã nộp phí, lệ phí",
    channels: ["cs"],
    zbsTemplateId: null,
    zbsParams: [],
    csText: "Hồ sơ {code}: đã ghi nhận việc nộp phí, lệ phí. Hồ sơ tiếp tục được giải quyết.",
  },
  {
    eventType: "supplement_requested",
    label: "Yêu cầu bổ sung hồ sơ",
    channels: ["zbs"],
    zbsTemplateId: "310007",
    zbsParams: [customer, code, p("reason", "missing", 200), p("deadline", "dueDate", 20)],
    csText: "Hồ sơ {code} cần bổ sung: {missing}. {note}",
  },
  {
    eventType: "result_ready",
    label: "Có kết quả",
    channels: ["zbs"],
    zbsTemplateId: "310008",
    zbsParams: [customer, code, p("pickup_place", "unitName", 200), p("lookup_url", "lookupUrl", 200)],
    csText: "Hồ sơ {code} đã có kết quả. Mời Ông/Bà nhận tại {unitName}. Tra cứu: {lookupUrl}",
  },
  {
    eventType: "returned",
    label: "Đã trả kết quả",
    channels: ["zbs"],
    zbsTemplateId: "310009",
    zbsParams: [customer, code, p("returned_date", "eventDate", 20)],
    csText: "Kết quả hồ sơ {code} đã được trả ngày {eventDate}. Cảm ơn Ông/Bà.",
  },
  {
    eventType: "rejected",
    label: "Từ chối giải quyết",
    channels: ["zbs"],
    zbsTemplateId: "310010",
    zbsParams: [customer, code, p("reason", "reason", 200)],
    csText: "Hồ sơ {code} không đủ điều kiện giải quyết. Lý do: {reason}.",
  },
  {
    eventType: "apology",
    label: "Xin lỗi và hẹn lại ngày trả",
    channels: ["zbs"],
    zbsTemplateId: "310011",
    zbsParams: [
      customer,
      code,
      p("old_due_date", "dueDate", 20),
      p("new_due_date", "newDueDate", 20),
      p("reason", "reason", 200),
    ],
    csText: "Hồ sơ {code} chưa kịp trả đúng hẹn {dueDate} vì {reason}. Chúng tôi xin lỗi và hẹn trả {newDueAt}.",
  },
  {
    eventType: "withdrawn",
    label: "Rút hồ sơ",
    channels: ["zbs"],
    zbsTemplateId: "310012",
    zbsParams: [customer, code, p("withdrawn_date", "eventDate", 20)],
    csText: "Hồ sơ {code} đã được rút theo đề nghị của Ông/Bà ngày {eventDate}.",
  },
  {
    eventType: "rating_request",
    label: "Mời đánh giá mức độ hài lòng",
    channels: ["zbs", "cs"],
    zbsTemplateId: "310013",
    zbsParams: [customer, code],
    csText: "Mời Ông/Bà đánh giá mức độ hài lòng khi giải quyết hồ sơ {code}: {ratingUrl}",
  },
  {
    eventType: "rating_answer",
    label: "Trả lời phản ánh sau đánh giá",
    channels: ["cs"],
    zbsTemplateId: null,
    zbsParams: [],
    csText: "Trả lời ý kiến của Ông/Bà về hồ sơ {code}: {note}",
  },
  {
    eventType: "stopped",
    label: "Dừng xử lý",
    channels: ["cs"],
    zbsTemplateId: null,
    zbsParams: [],
    csText: "Hồ sơ {code} tạm dừng xử lý. Lý do: {reason}.",
  },
];

/** Seeds the templates (keeping an admin's edits) and the settings row. */
export async function seedNotifications(db: DbOrTx): Promise<void> {
  await db.insert(notificationSettings).values({ id: 1 }).onConflictDoNothing();
  await db
    .insert(notificationTemplates)
    .values(defaultNotificationTemplates.map((t) => ({ ...t, updatedBy: "seed" })))
    .onConflictDoUpdate({
      target: notificationTemplates.eventType,
      // Only rows nobody has edited yet follow a changed default.
      set: {
        label: sql`excluded.label`,
        channels: sql`excluded.channels`,
        zbsTemplateId: sql`excluded.zbs_template_id`,
        zbsParams: sql`excluded.zbs_params`,
        csText: sql`excluded.cs_text`,
      },
      setWhere: sql`${notificationTemplates.updatedBy} = 'seed'`,
    });
}
