/** Counter and citizen fixes (issue 12): warnings, confirmations, look-up guidance, home figures, audit words. */
export const desk = {
  intake: {
    componentsNoneWarning:
      "Chưa đánh dấu thành phần hồ sơ nào đã nhận. Giấy tiếp nhận sẽ in danh sách trống; đánh dấu các giấy tờ công dân đã nộp.",
  },
  detail: {
    noComponents:
      "Hồ sơ được lưu mà chưa có thành phần hồ sơ nào đã nhận. Nếu công dân đã nộp giấy tờ, dùng “Điều chỉnh thông tin” để ghi lại và cấp lại giấy tiếp nhận.",
    correctComponents: "Thành phần hồ sơ đã nhận",
    correctOther: "Giấy tờ khác đã nhận (nếu có)",
    nextStep: "Bước tiếp theo",
    otherMoves: "Các thao tác khác",
    confirmTitle: "Xác nhận thao tác không thể hoàn tác",
    confirmAction: "Xác nhận",
    consequences: {
      rejected: "Hồ sơ sẽ kết thúc với trạng thái “Từ chối giải quyết”; công dân được thông báo lý do và không thể tiếp tục xử lý hồ sơ này.",
      withdrawn: "Hồ sơ sẽ kết thúc vì công dân rút hồ sơ; không thể tiếp tục xử lý hồ sơ này.",
      stopped: "Hồ sơ sẽ dừng xử lý và kết thúc; không thể tiếp tục xử lý hồ sơ này.",
    },
  },
  lookup: {
    portal: "Cổng tra cứu hồ sơ thủ tục hành chính",
    todo: "Việc công dân cần làm",
    supplement: "Bổ sung các giấy tờ sau tại nơi nộp hồ sơ:",
    fee: "Nộp phí, lệ phí: {amount}",
    pay: "Thanh toán trực tuyến",
    apology: "Hồ sơ giải quyết chậm so với hẹn ban đầu. Ngày hẹn trả mới: {date}",
    office: "Nơi tiếp nhận hồ sơ",
    address: "Địa chỉ",
    hotline: "Đường dây nóng",
    hours: "Giờ làm việc",
    oaButton: "Mở Zalo OA “{name}”",
  },
  receipt: {
    lookupText: "Tra cứu tại:",
  },
  home: {
    figures: "Số liệu hôm nay",
    scopeOwn: "Hồ sơ bạn tiếp nhận",
    scopeUnit: "Hồ sơ của {unit} và các đơn vị trực thuộc",
    receivedToday: "Tiếp nhận hôm nay",
    dueSoon: "Đến hạn trong 2 ngày làm việc tới",
    overdue: "Quá hạn",
  },
  notFound: {
    title: "Không tìm thấy trang (404)",
  },
  dateHint: "ngày/tháng/năm",
} as const;
