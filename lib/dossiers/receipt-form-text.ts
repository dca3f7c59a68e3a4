import type { ReceiptSnapshot } from "./receipt-snapshot";

/**
 * The wording of Mẫu số 01 (Circular 03/2025/TT-VPCP, as reproduced in QĐ 3621/QĐ-BYT). It is a
 * prescribed Vietnamese form, so it is printed in Vietnamese whatever the staff's interface language.
 */
export const FORM01 = {
  motto1: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  motto2: "Độc lập - Tự do - Hạnh phúc",
  title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
  code: "Mã hồ sơ",
  nationalCode: "Mã hồ sơ trên Cổng Dịch vụ công quốc gia",
  receivesFrom: "tiếp nhận hồ sơ của:",
  applicant: "Ông (Bà)/Tổ chức",
  idNumber: "Số định danh cá nhân/tổ chức",
  address: "Địa chỉ",
  phone: "Số điện thoại",
  email: "Email",
  attorneyTitle: "Trường hợp nộp hồ sơ theo ủy quyền, thông tin người ủy quyền:",
  attorneyName: "Họ và tên",
  attorneyDocument: "Văn bản ủy quyền",
  request: "Nội dung yêu cầu giải quyết",
  components: "Thành phần hồ sơ nộp gồm",
  sets: "Số lượng hồ sơ",
  legalTime: "Thời gian giải quyết hồ sơ theo quy định là",
  receivedAt: "Thời gian nhận hồ sơ",
  dueAt: "Thời gian trả kết quả giải quyết hồ sơ",
  delivery: "Đăng ký nhận kết quả tại",
  register: "Vào Sổ theo dõi hồ sơ, Quyển số",
  registerLine: "Số thứ tự",
  submitterSign: "NGƯỜI NỘP HỒ SƠ",
  receiverSign: "NGƯỜI TIẾP NHẬN HỒ SƠ",
  signHint: "(Ký và ghi rõ họ tên)",
  noDueAt: "Theo thông báo của cơ quan giải quyết",
  version: "Cấp lại lần",
  lookupAt: "Tra cứu tại",
} as const;

const deliveries: Record<ReceiptSnapshot["resultDelivery"], string> = {
  counter: "Bộ phận Tiếp nhận và Trả kết quả (nhận trực tiếp)",
  post_ems: "Địa chỉ đăng ký, qua dịch vụ bưu chính công ích (EMS)",
  online: "Trực tuyến (Cổng Dịch vụ công quốc gia)",
};

export function deliveryText(d: ReceiptSnapshot["resultDelivery"]): string {
  return deliveries[d];
}

function oaName(): string {
  return process.env.ZALO_OA_NAME || "Hành chính công tỉnh Hà Tĩnh";
}

/** Guidance from seeds 000 and 003: scan the code, or follow the province's OA for status messages. */
export function guidanceText(notifyZalo: boolean): string[] {
  return [
    "Quét mã QR để tra cứu tình trạng giải quyết hồ sơ (không cần đăng nhập).",
    notifyZalo
      ? `Ông (Bà) đã đăng ký nhận thông báo qua Zalo: hãy tìm và bấm “Quan tâm” Zalo OA “${oaName()}” bằng số điện ` +
        `thoại đã đăng ký để nhận tin nhắn trạng thái hồ sơ.`
      : `Tìm và bấm “Quan tâm” Zalo OA “${oaName()}” để nhận thông tin về thủ tục hành chính và tra cứu hồ sơ.`,
  ];
}

const parts = (d: Date) => {
  const f = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hourCycle: "h23",
  });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return p as Record<"hour" | "minute" | "day" | "month" | "year", string>;
};

/** "09 giờ 00 phút, ngày 12/08/2025" in Vietnam time, as the form prints it. */
export function formTime(iso: string): string {
  const p = parts(new Date(iso));
  return `${p.hour} giờ ${p.minute} phút, ngày ${p.day}/${p.month}/${p.year}`;
}

/** "Hà Tĩnh, ngày 12 tháng 08 năm 2025". */
export function placeAndDate(place: string, iso: string): string {
  const p = parts(new Date(iso));
  return `${place}, ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

export function componentText(c: ReceiptSnapshot["components"][number]): string {
  const kind = c.original === true ? " bản chính" : c.original === false ? " bản sao" : "";
  return `${c.name} (${String(c.copies).padStart(2, "0")}${kind || " bản"})`;
}

/** "Số điện thoại: … · Email: …" with only what the person gave; null when neither. */
export function contactText(p: { phone: string | null; email: string | null }): string | null {
  const parts = [p.phone ? `${FORM01.phone}: ${p.phone}` : null, p.email ? `${FORM01.email}: ${p.email}` : null].filter(
    Boolean,
  );
  return parts.length ? parts.join("    ") : null;
}
