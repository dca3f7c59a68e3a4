/**
 * ZBS template messages the simulator knows, one per dossier event. The notification service seeds matching
 * portal templates from these ids and parameter names; the simulator renders `body` into the citizen's chat.
 */
interface SimTemplateParam {
  name: string;
  label: string;
  maxLength: number;
}

export interface SimTemplate {
  id: string;
  event: SimDossierEvent | "conversation_answer" | "phone_otp";
  name: string;
  params: SimTemplateParam[];
  body: string;
}

const simDossierEvents = [
  "received",
  "receipt",
  "assigned",
  "appraising",
  "awaiting_signature",
  "fee_requested",
  "supplement_requested",
  "result_ready",
  "returned",
  "rejected",
  "apology",
  "withdrawn",
  "rating",
] as const;
export type SimDossierEvent = (typeof simDossierEvents)[number];

const p = (name: string, label: string, maxLength = 30): SimTemplateParam => ({ name, label, maxLength });
const customer = p("customer_name", "Họ tên người nộp", 30);
const code = p("dossier_code", "Mã hồ sơ", 30);
const procedure = p("procedure_name", "Tên thủ tục", 200);
const url = (name: string, label: string) => p(name, label, 200);

export const simTemplates: SimTemplate[] = [
  {
    id: "310001",
    event: "received",
    name: "Tiếp nhận hồ sơ",
    params: [
      customer,
      code,
      procedure,
      p("received_date", "Ngày tiếp nhận", 20),
      p("due_date", "Ngày hẹn trả", 20),
      url("lookup_url", "Đường dẫn tra cứu"),
    ],
    body:
      "Kính gửi Ông/Bà {customer_name}! Hồ sơ {dossier_code} ({procedure_name}) đã được tiếp nhận ngày " +
      "{received_date}. Ngày hẹn trả kết quả: {due_date}. Tra cứu: {lookup_url}",
  },
  {
    id: "310002",
    event: "receipt",
    name: "Giấy tiếp nhận và hẹn trả kết quả",
    params: [customer, code, url("receipt_url", "Đường dẫn giấy tiếp nhận")],
    body: "Kính gửi Ông/Bà {customer_name}! Giấy tiếp nhận và hẹn trả kết quả hồ sơ {dossier_code}: {receipt_url}",
  },
  {
    id: "310003",
    event: "assigned",
    name: "Chuyển xử lý",
    params: [customer, code, p("unit_name", "Đơn vị xử lý", 100)],
    body: "Kính gửi Ông/Bà {customer_name}! Hồ sơ {dossier_code} đã được chuyển tới {unit_name} để giải quyết.",
  },
  {
    id: "310004",
    event: "appraising",
    name: "Đang thẩm định",
    params: [customer, code, p("unit_name", "Đơn vị xử lý", 100)],
    body: "Kính gửi Ông/Bà {customer_name}! Hồ sơ {dossier_code} đang được {unit_name} thẩm định.",
  },
  {
    id: "310005",
    event: "awaiting_signature",
    name: "Chờ ký duyệt",
    params: [customer, code],
    body: "Kính gửi Ông/Bà {customer_name}! Hồ sơ {dossier_code} đang chờ lãnh đạo ký duyệt.",
  },
  {
    id: "310006",
    event: "fee_requested",
    name: "Yêu cầu nộp phí, lệ phí",
    params: [customer, code, p("amount", "Số tiền", 30), url("payment_url", "Đường dẫn thanh toán")],
    body:
      "Kính gửi Ông/Bà {customer_name}! Hồ sơ {dossier_code} cần nộp phí, lệ phí {amount}. Thanh toán tại: " +
      "{payment_url}",
  },
  {
    id: "310007",
    event: "supplement_requested",
    name: "Yêu cầu bổ sung hồ sơ",
    params: [customer, code, p("reason", "Nội dung cần bổ sung", 200), p("deadline", "Hạn bổ sung", 20)],
    body: "Kính gửi Ông/Bà {customer_name}! Hồ sơ {dossier_code} cần bổ sung: {reason}. Hạn bổ sung: {deadline}.",
  },
  {
    id: "310008",
    event: "result_ready",
    name: "Có kết quả",
    params: [customer, code, p("pickup_place", "Nơi nhận kết quả", 200), url("lookup_url", "Đường dẫn tra cứu")],
    body:
      "Kính gửi Ông/Bà {customer_name}! Hồ sơ {dossier_code} đã có kết quả. Mời Ông/Bà nhận tại {pickup_place}. " +
      "Tra cứu: {lookup_url}",
  },
  {
    id: "310009",
    event: "returned",
    name: "Đã trả kết quả",
    params: [customer, code, p("returned_date", "Ngày trả", 20)],
    body:
      "Kính gửi Ông/Bà {customer_name}! Kết quả hồ sơ {dossier_code} đã được trả ngày {returned_date}. " +
      "Cảm ơn Ông/Bà.",
  },
  {
    id: "310010",
    event: "rejected",
    name: "Từ chối giải quyết",
    params: [customer, code, p("reason", "Lý do", 200)],
    body: "Kính gửi Ông/Bà {customer_name}! Hồ sơ {dossier_code} không đủ điều kiện giải quyết. Lý do: {reason}.",
  },
  {
    id: "310011",
    event: "apology",
    name: "Xin lỗi và hẹn lại ngày trả",
    params: [
      customer,
      code,
      p("old_due_date", "Ngày hẹn cũ", 20),
      p("new_due_date", "Ngày hẹn mới", 20),
      p("reason", "Lý do", 200),
    ],
    body:
      "Kính gửi Ông/Bà {customer_name}! Hồ sơ {dossier_code} chưa kịp trả đúng hẹn {old_due_date} vì {reason}. " +
      "Chúng tôi xin lỗi và hẹn trả ngày {new_due_date}.",
  },
  {
    id: "310012",
    event: "withdrawn",
    name: "Rút hồ sơ",
    params: [customer, code, p("withdrawn_date", "Ngày rút", 20)],
    body:
      "Kính gửi Ông/Bà {customer_name}! Hồ sơ {dossier_code} đã được rút theo đề nghị của Ông/Bà ngày " +
      "{withdrawn_date}.",
  },
  {
    // ZBS "Đánh giá dịch vụ" (rating, template type 5): the citizen answers with 1–5 stars (user_feedback).
    id: "310013",
    event: "rating",
    name: "Đánh giá dịch vụ",
    params: [customer, code],
    body:
      "Kính gửi Ông/Bà {customer_name}! Mời Ông/Bà đánh giá mức độ hài lòng khi giải quyết hồ sơ {dossier_code} " +
      "(chọn từ 1 đến 5 sao).",
  },
  {
    id: "320001",
    event: "conversation_answer",
    name: "Trả lời hỏi đáp, phản ánh, kiến nghị",
    params: [customer, p("reference", "Số tiếp nhận", 30), p("answer", "Nội dung trả lời", 400)],
    body: "Kính gửi Ông/Bà {customer_name}! Trả lời nội dung {reference}: {answer}",
  },
  {
    // OTP template (type 2): proves that a Zalo account sharing a phone owns it (lib/followers/phone-proof.ts).
    id: "330001",
    event: "phone_otp",
    name: "Mã xác nhận số điện thoại",
    params: [p("otp", "Mã xác nhận", 10)],
    body: "Mã xác nhận liên kết Zalo với Bộ phận Một cửa: {otp}. Mã có hiệu lực 10 phút. Không chia sẻ mã này cho ai.",
  },
];

/** Templates the citizen answers with stars. */
export const simRatingTemplateIds = new Set(["310013"]);

export const simTemplateByEvent: Record<SimDossierEvent, SimTemplate> = Object.fromEntries(
  simTemplates.map((t) => [t.event, t]),
) as Record<SimDossierEvent, SimTemplate>;

export function renderSimTemplate(template: SimTemplate, data: Record<string, string>): string {
  return template.body.replace(/\{(\w+)\}/g, (_, k: string) => data[k] ?? "");
}
