/** Personal-data texts (Law 91/2025): the OA's chat replies about phone proof and withdrawal, and staff labels. */
export const privacy = {
  chat: {
    codeSent:
      "Ông/Bà đã chia sẻ số điện thoại {phone}. Để xác nhận số này là của Ông/Bà, hệ thống đã gửi mã xác nhận " +
      "gồm 6 chữ số tới số điện thoại đó qua Zalo. Ông/Bà gửi lại mã vào cuộc trò chuyện này theo dạng " +
      '"XN 123456" trong vòng {minutes} phút. Hoặc gửi "XN \'<mã hồ sơ> <mã bí mật>\'" với mã bí mật in trên ' +
      "Phiếu tiếp nhận (phần sau ?t= của đường dẫn tra cứu).",
    resendWait: 'Mã xác nhận vừa được gửi. Ông/Bà vui lòng đợi {seconds} giây rồi gửi "GUI LAI MA" để nhận mã mới.',
    dailyLimit:
      "Số điện thoại này đã nhận quá nhiều mã xác nhận trong ngày. Ông/Bà vui lòng thử lại vào ngày mai hoặc " +
      "xác nhận bằng mã bí mật in trên Phiếu tiếp nhận.",
    confirmed:
      "Đã xác nhận. Tài khoản Zalo này được liên kết với số điện thoại {phone}. Từ nay Ông/Bà nhận thông báo về " +
      "các hồ sơ đăng ký với số điện thoại này qua Zalo và có thể gửi số điện thoại hoặc số CCCD để xem các hồ sơ " +
      "đang giải quyết. Trân trọng!",
    alreadyConfirmed: "Tài khoản Zalo này đã được xác nhận với số điện thoại {phone}. Trân trọng!",
    wrongCode: "Mã xác nhận không đúng. Ông/Bà còn {left} lần thử.",
    locked:
      'Ông/Bà đã nhập sai quá số lần cho phép. Gửi "GUI LAI MA" để nhận mã mới, hoặc xác nhận bằng mã bí mật ' +
      "in trên Phiếu tiếp nhận.",
    expired: 'Mã xác nhận đã hết hiệu lực. Ông/Bà gửi "GUI LAI MA" để nhận mã mới.',
    noClaim:
      'Tài khoản Zalo này chưa có số điện thoại chờ xác nhận. Ông/Bà chọn "Chia sẻ thông tin" trong menu của OA ' +
      "để chia sẻ số điện thoại đã khai khi nộp hồ sơ.",
    receiptMismatch: "Mã hồ sơ và mã bí mật không khớp với số điện thoại Ông/Bà đã chia sẻ. Ông/Bà còn {left} lần thử.",
    receiptLimited: "Ông/Bà đã thử quá nhiều lần. Vui lòng thử lại sau {minutes} phút.",
    withdrawn:
      "Đã ghi nhận yêu cầu ngừng nhận thông báo qua Zalo: {count} hồ sơ gắn với số điện thoại đã xác nhận sẽ " +
      "không còn được gửi tin qua Zalo. Ông/Bà vẫn có thể tra cứu hồ sơ bằng mã số biên nhận. Trân trọng!",
    withdrawNoPhone:
      "Đã ghi nhận: hệ thống ngừng gửi tin qua Zalo tới tài khoản này. Để ngừng thông báo theo số điện thoại, " +
      "Ông/Bà xác nhận số điện thoại trước hoặc đề nghị tại Bộ phận Một cửa.",
  },
  consent: {
    zaloVersion: "zalo-2026-12",
    zaloShare:
      "Tôi đồng ý chia sẻ họ tên, số điện thoại và địa chỉ với Official Account của Bộ phận Một cửa để nhận thông " +
      "báo và tra cứu hồ sơ qua Zalo (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).",
    counterVersion: "counter-2026-12",
    counter:
      "Công dân đồng ý nhận tin nhắn qua Zalo về hồ sơ này; có thể rút lại bất cứ lúc nào bằng cách gửi " +
      '"HUY THONG BAO" tới OA hoặc đề nghị tại Bộ phận Một cửa (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).',
  },
  dossier: {
    consentTitle: "Đồng ý nhận thông báo Zalo",
    channel: "Kênh ghi nhận",
    channels: { counter: "Tại quầy", api: "Qua API kết nối", zalo: "Chia sẻ thông tin trên Zalo" },
    version: "Phiên bản nội dung",
    text: "Nội dung đã hiển thị",
    withdrawnAt: "Đã rút lại đồng ý lúc {at} ({via})",
    withdrawnVia: { chat: "từ khóa trên Zalo", counter: "tại quầy", zalo: "Zalo báo rút lại" },
    withdraw: "Ngừng gửi thông báo Zalo",
    withdrawConfirm: "Công dân đề nghị ngừng nhận thông báo Zalo cho hồ sơ này?",
    withdrawDone: "Đã ngừng gửi thông báo Zalo cho hồ sơ.",
  },
} as const;
