import type { DossierStatusSummary } from "@/lib/dossiers/chat-lookup";
import { formatDate } from "@/lib/format";

/**
 * What the OA answers in the chat. Citizens' OA conversations are in Vietnamese only, so these texts live
 * here rather than in the staff UI catalogue.
 */
const CODE_FORMAT_HINT =
  "Mã hồ sơ có dạng H27.37-240219-1001 hoặc 000.00.04.H27-240219-0028, in trên Phiếu tiếp nhận và hẹn trả kết quả.";

const LINK_HOW_TO =
  'Để liên kết, Ông/Bà chọn "Chia sẻ thông tin" trong menu của OA ' +
  "và đồng ý chia sẻ số điện thoại đã khai khi nộp hồ sơ.";

function greeting(name: string | null): string {
  return name ? `Kính gửi Ông/Bà ${name}!` : "Kính gửi Ông/Bà!";
}

export const chatMessages = {
  defaultWelcome: (oaName: string, area: string) =>
    `Chào mừng {ten} đã đến với ${oaName} trên Zalo. Thông tin về việc thực hiện dịch vụ công trên địa bàn ${area} ` +
    `sẽ được gửi tới tài khoản Zalo này thay thế cho tin nhắn SMS. {ten} vui lòng duy trì kết nối để kịp thời nhận ` +
    `thông báo. Để tra cứu hồ sơ, Ông/Bà gửi mã số biên nhận (ví dụ H27.37-240219-1001) vào cuộc trò chuyện này. ` +
    `Trân trọng cảm ơn!`,

  welcomeNameFallback: "Quý Ông/Bà",

  /** The seeds' form: "Kính gửi Ông/Bà …! Trạng thái hồ sơ … của chủ hồ sơ … đang là: …". */
  /** `own`: the registered phone's own account; anyone else learns no procedure (it can reveal a private matter). */
  dossierStatus: (
    d: DossierStatusSummary,
    input: { greetName: string | null; ownerName: string; url: string; own: boolean },
  ) =>
    [
      greeting(input.greetName),
      `Trạng thái hồ sơ ${d.code} của chủ hồ sơ ${input.ownerName} đang là: ${d.statusLabel}.`,
      input.own ? `Thủ tục: ${d.procedureName}.` : null,
      `Ngày tiếp nhận: ${formatDate(d.receivedAt)}.`,
      d.finishedAt
        ? `Ngày có kết quả: ${formatDate(d.finishedAt)}.`
        : d.dueAt
          ? `Hạn trả kết quả: ${formatDate(d.dueAt)}.`
          : null,
      `Xem chi tiết: ${input.url}`,
      "Trân trọng!",
    ]
      .filter(Boolean)
      .join("\n"),

  dossierNotFound: (code: string) =>
    `Không tìm thấy hồ sơ có mã ${code}. Ông/Bà vui lòng kiểm tra lại mã số biên nhận. ${CODE_FORMAT_HINT}`,

  lookupLimited: (minutes: number) =>
    `Ông/Bà đã tra cứu quá nhiều mã hồ sơ trong thời gian ngắn. Vui lòng thử lại sau ${minutes} phút.`,

  badCode: (text: string) => `"${text}" không phải là mã hồ sơ hợp lệ. ${CODE_FORMAT_HINT}`,

  linkRequired: (what: "phone" | "idNumber") =>
    `Để bảo vệ thông tin cá nhân, hệ thống chỉ tra cứu theo ${what === "phone" ? "số điện thoại" : "số CCCD"} khi ` +
    `tài khoản Zalo này đã được liên kết với số điện thoại khai trong hồ sơ. ${LINK_HOW_TO} Ông/Bà cũng có thể gửi ` +
    `mã số biên nhận hồ sơ để tra cứu.`,

  openDossiers: (greetName: string | null, list: DossierStatusSummary[]) =>
    list.length === 0
      ? `${greeting(greetName)}\nHiện không có hồ sơ nào đang giải quyết gắn với số điện thoại đã liên kết.`
      : [
          greeting(greetName),
          `Các hồ sơ đang giải quyết gắn với số điện thoại đã liên kết:`,
          ...list.map(
            (d, i) =>
              `${i + 1}. ${d.code} – ${d.procedureName}: ${d.statusLabel}${
                d.dueAt ? `, hạn trả ${formatDate(d.dueAt)}` : ""
              }.`,
          ),
          "Gửi mã hồ sơ để xem chi tiết từng hồ sơ.",
        ].join("\n"),

  lookupGuide:
    `Để tra cứu tình trạng hồ sơ, Ông/Bà gửi mã số biên nhận in trên Phiếu tiếp nhận hồ sơ vào cuộc trò ` +
    `chuyện này (ví dụ H27.37-240219-1001). Nếu tài khoản Zalo đã liên kết số điện thoại, Ông/Bà có thể gửi số điện ` +
    `thoại hoặc số CCCD để xem các hồ sơ đang giải quyết.`,

  helpGuide:
    "Bộ phận Một cửa hỗ trợ qua Zalo:\n" +
    "- Tra cứu hồ sơ: gửi mã số biên nhận (ví dụ H27.37-240219-1001).\n" +
    `- Nhận thông báo hồ sơ: ${LINK_HOW_TO}\n` +
    "- Hỏi đáp: gửi câu hỏi, cán bộ sẽ trả lời trong giờ hành chính.",

  linked: (phoneDisplay: string) =>
    `Tài khoản Zalo này đã được liên kết với số điện thoại ${phoneDisplay}. Từ nay Ông/Bà sẽ nhận thông báo về các ` +
    `hồ sơ đăng ký với số điện thoại này qua Zalo và có thể gửi số điện thoại hoặc số CCCD để xem các hồ sơ đang ` +
    `giải quyết. Trân trọng!`,

  linkFailed:
    "Chưa liên kết được tài khoản: số điện thoại chia sẻ không phải số di động Việt Nam hợp lệ. " + LINK_HOW_TO,
};
