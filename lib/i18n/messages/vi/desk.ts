/** Counter and citizen fixes (issue 12): warnings, confirmations, look-up guidance, home figures, audit words. */
export const desk = {
  intake: {
    componentsNoneWarning:
      "Chưa đánh dấu thành phần hồ sơ nào đã nhận. Giấy tiếp nhận sẽ in danh sách trống; đánh dấu các giấy tờ công " +
      "dân đã nộp.",
  },
  detail: {
    noComponents:
      "Hồ sơ được lưu mà chưa có thành phần hồ sơ nào đã nhận. Nếu công dân đã nộp giấy tờ, dùng “Điều chỉnh thông " +
      "tin” để ghi lại và cấp lại giấy tiếp nhận.",
    correctComponents: "Thành phần hồ sơ đã nhận",
    correctOther: "Giấy tờ khác đã nhận (nếu có)",
    nextStep: "Bước tiếp theo",
    otherMoves: "Các thao tác khác",
    confirmTitle: "Xác nhận thao tác không thể hoàn tác",
    confirmAction: "Xác nhận",
    consequences: {
      rejected:
        "Hồ sơ sẽ kết thúc với trạng thái “Từ chối giải quyết”; công dân được thông báo lý do và không thể tiếp tục " +
        "xử lý hồ sơ này.",
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
    weekdays: ", thứ Hai đến thứ Sáu",
    saturday: " và sáng thứ Bảy",
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
  // Nested by the audit action's dots ("dossier.receive"), as next-intl reads a key path.
  auditActions: {
    dossier: {
      receive: "Tiếp nhận hồ sơ",
      submit: "Ghi nhận hồ sơ trực tuyến",
      transition: "Chuyển trạng thái hồ sơ",
      apology: "Phát hành phiếu xin lỗi",
      correct: "Điều chỉnh thông tin hồ sơ",
      export: "Xuất danh sách hồ sơ",
      zalo_withdrawn: "Rút đồng ý nhận thông báo Zalo của hồ sơ",
    },
    staff: {
      create: "Thêm cán bộ",
      update: "Cập nhật cán bộ",
      deactivate: "Khóa tài khoản cán bộ",
      reset_password: "Đặt lại mật khẩu cán bộ",
      change_password: "Đổi mật khẩu",
    },
    unit: {
      create: "Thêm đơn vị",
      update: "Cập nhật đơn vị",
      deactivate: "Ngừng hoạt động đơn vị",
    },
    procedure: {
      create: "Thêm thủ tục hành chính",
      update: "Cập nhật thủ tục hành chính",
      retire: "Ngừng áp dụng thủ tục",
      reactivate: "Áp dụng lại thủ tục",
    },
    calendar_day: {
      create: "Thêm ngày đặc biệt vào lịch",
      update: "Sửa ngày trong lịch",
      delete: "Xóa ngày khỏi lịch",
      confirm: "Xác nhận ngày trong lịch",
      confirm_proposals: "Xác nhận các ngày đề xuất",
      draft_proposals: "Lập đề xuất lịch nghỉ",
    },
    office_hours: {
      save: "Lưu giờ làm việc",
      delete: "Xóa giờ làm việc riêng",
    },
    apikey: {
      create: "Tạo khóa API",
      revoke: "Thu hồi khóa API",
    },
    notification: {
      resend: "Gửi lại thông báo",
    },
    notification_template: {
      update: "Sửa mẫu tin nhắn",
    },
    conversation: {
      reply: "Trả lời cuộc hội thoại",
      retry: "Gửi lại tin trả lời",
      assign: "Phân công cuộc hội thoại",
      transfer: "Chuyển cuộc hội thoại",
      classify: "Phân loại cuộc hội thoại",
      note: "Ghi chú nội bộ cuộc hội thoại",
      resolve: "Đánh dấu đã giải quyết",
      settings: "Cập nhật cài đặt hỏi đáp, phản ánh",
    },
    canned: {
      create: "Thêm mẫu trả lời",
      update: "Sửa mẫu trả lời",
      delete: "Xóa mẫu trả lời",
    },
    faq: {
      save: "Lưu câu hỏi thường gặp",
    },
    announcement: {
      create: "Soạn tin tuyên truyền",
      edit: "Sửa tin tuyên truyền",
      edit_after_approval: "Sửa tin đã duyệt (cần duyệt lại)",
      submit: "Trình duyệt tin",
      approve: "Duyệt tin",
      return: "Trả lại tin",
      pause: "Tạm dừng gửi tin",
      resume: "Tiếp tục gửi tin",
      cancel: "Hủy tin",
    },
    announcement_image: {
      upload: "Tải ảnh tin tuyên truyền",
    },
    announcement_settings: {
      update: "Sửa giới hạn gửi tin tuyên truyền",
    },
    announcement_recipients: {
      export: "Xuất danh sách người nhận tin",
    },
    followers: {
      sync: "Đồng bộ người quan tâm OA",
      export: "Xuất danh sách người quan tâm OA",
    },
    follower: {
      tag_add: "Gắn nhãn người quan tâm",
      tag_remove: "Gỡ nhãn người quan tâm",
    },
    rating: {
      create: "Ghi nhận đánh giá hồ sơ",
      change: "Đánh giá lại hồ sơ",
      followup: "Cập nhật xử lý phản ánh sau đánh giá",
    },
    rating_settings: {
      update: "Sửa cấu hình đánh giá mức độ hài lòng",
    },
    ratings: {
      export: "Xuất dữ liệu đánh giá",
    },
    statutory_report: {
      export: "Xuất báo cáo định kỳ",
    },
    homesupport: {
      register: "Đăng ký hỗ trợ tại nhà",
      status: "Đổi trạng thái đăng ký hỗ trợ tại nhà",
      assign: "Phân công hỗ trợ tại nhà",
      note: "Ghi chú, cuộc gọi hỗ trợ tại nhà",
      dossier: "Gắn hồ sơ với đăng ký hỗ trợ tại nhà",
      citizen: "Người dân đổi, hủy lịch hỗ trợ tại nhà",
      capacity: "Đặt số lượt hỗ trợ tại nhà",
    },
    oamenu: {
      save: "Cập nhật menu Zalo OA",
      settings: "Cập nhật cài đặt hỗ trợ tại nhà và liên hệ của OA",
      text: "Sửa nội dung tin tự động",
    },
    zalo: {
      settings: {
        save: "Lưu cấu hình Zalo OA",
        seed_env: "Nạp cấu hình Zalo từ biến môi trường",
      },
      oauth: {
        start: "Bắt đầu cấp quyền Zalo OA",
        connect: "Kết nối Zalo OA",
      },
      token: {
        paste: "Nhập mã truy cập Zalo",
      },
      event: {
        requeue: "Xử lý lại sự kiện Zalo",
      },
      zbs_development_mode: "Bật, tắt chế độ thử nghiệm ZBS",
      follower: {
        consent_withdrawn: "Người quan tâm rút đồng ý chia sẻ thông tin",
        notifications_withdrawn: "Người dân ngừng nhận thông báo Zalo",
        phone_code_sent: "Gửi mã xác nhận số điện thoại",
        phone_confirmed: "Xác nhận số điện thoại người quan tâm",
        phone_code_locked: "Khóa xác nhận số điện thoại do nhập sai mã",
      },
    },
  },
  dateTimeHint: "ngày/tháng/năm giờ:phút, ví dụ 12/08/2025 09:00",
  dateHint: "ngày/tháng/năm",
} as const;
