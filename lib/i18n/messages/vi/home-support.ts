/**
 * Home support (seed 004), the OA menu and the chat bot. `bot` holds what the OA writes in the chat: the
 * citizens' OA conversation is Vietnamese, administrators may reword each text (overrides in chat_flow_texts).
 */
export const homeSupport = {
  bot: {
    cancelled: "Đã thoát. Khi cần, Ông/Bà chọn lại dịch vụ trong menu của OA.",
    timedOut:
      "Phiên trò chuyện đã kết thúc vì quá 30 phút Ông/Bà chưa phản hồi; thông tin chưa được ghi nhận. Để làm lại, " +
      "Ông/Bà chọn dịch vụ trong menu của OA.",
    exitHint: 'Gõ "hủy" để thoát.',
    staleStep: "Tin nhắn này đến sau một tin mới hơn nên không được xử lý.",
    consentTitle: "Đăng ký hỗ trợ nộp hồ sơ trực tuyến tại nhà",
    consentSubtitle:
      "Nhấn để chia sẻ họ tên, số điện thoại và địa chỉ (ghi từ thôn/tổ dân phố, xã/phường). Cán bộ sẽ xác minh và " +
      "liên hệ hỗ trợ Ông/Bà nộp hồ sơ trực tuyến tại nhà.",
    consentHelp:
      'Ông/Bà nhấn vào "Chia sẻ thông tin" ở tin nhắn trên, điền họ tên, số điện thoại, địa chỉ, đánh dấu đồng ý rồi ' +
      'nhấn "Gửi thông tin".',
    consentBadPhone:
      "Số điện thoại chia sẻ không phải số di động Việt Nam hợp lệ. Ông/Bà vui lòng chia sẻ lại thông tin.",
    askProcedure:
      "Cảm ơn {name}. Ông/Bà cần hỗ trợ nộp hồ sơ thủ tục hành chính nào? Gõ từ khóa của thủ tục (ví dụ: rượu, thuốc " +
      'lá, gas, thực phẩm), hoặc gõ "khác: <nội dung>" nếu không rõ tên thủ tục.',
    procedureHelp:
      'Gõ từ khóa có trong tên thủ tục (ví dụ: rượu, thuốc lá, thực phẩm), hoặc "khác: <nội dung cần hỗ trợ>".',
    procedureChoices:
      'Các thủ tục phù hợp với "{keyword}":\n{list}\n0. Khác (tự mô tả)\nGõ số thứ tự để chọn, hoặc gõ từ khóa khác ' +
      "để tìm lại.",
    procedureChoiceHelp: "Gõ số thứ tự của thủ tục trong danh sách, 0 để tự mô tả, hoặc gõ từ khóa khác để tìm lại.",
    procedureNone:
      'Không tìm thấy thủ tục nào với từ khóa "{keyword}". Ông/Bà gõ từ khóa khác, hoặc gõ "khác: <tên thủ tục>".',
    askOther: "Ông/Bà mô tả ngắn gọn thủ tục hoặc việc cần hỗ trợ.",
    otherHelp: "Gõ tên thủ tục hoặc việc cần hỗ trợ (tối đa 300 ký tự).",
    askSlot: "Thủ tục: {procedure}.\nChọn thời gian hỗ trợ (giờ hành chính):\n{list}\nGõ số thứ tự để chọn.",
    slotHelp: "Gõ số thứ tự của khung giờ trong danh sách.",
    noSlots:
      "Rất tiếc, các khung giờ hỗ trợ tại nhà trong thời gian tới đã kín chỗ. Ông/Bà vui lòng đăng ký lại sau, hoặc " +
      "liên hệ {unit}.",
    slotTaken: "Khung giờ {slot} vừa hết chỗ. Ông/Bà vui lòng chọn khung giờ khác:\n{list}",
    summary:
      "Xác nhận đăng ký hỗ trợ tại nhà:\n- Họ tên: {name}\n- Số điện thoại: {phone}\n- Địa chỉ: {address}\n- Thủ " +
      'tục: {procedure}\n- Thời gian: {slot}\nGõ 1 (hoặc "đồng ý") để xác nhận, 2 để chọn lại thời gian.',
    confirmHelp: 'Gõ 1 hoặc "đồng ý" để xác nhận đăng ký, 2 để chọn lại thời gian.',
    confirmed:
      'Chúc mừng Ông/Bà đã đăng ký thành công hỗ trợ nộp hồ sơ thủ tục hành chính "{procedure}" vào {slot}. Mã đăng ' +
      'ký: {code}. Cán bộ {unit} sẽ xác minh thông tin và liên hệ với Ông/Bà. Để hủy hoặc đổi lịch, gõ "đổi lịch".',
    reminder:
      'Nhắc lịch: cán bộ {unit} sẽ hỗ trợ Ông/Bà nộp hồ sơ "{procedure}" vào {slot} (mã đăng ký {code}). Để hủy hoặc ' +
      'đổi lịch, gõ "đổi lịch".',
    manageNone: "Ông/Bà không có lịch hỗ trợ tại nhà nào đang chờ.",
    managePick: "Lịch hỗ trợ tại nhà của Ông/Bà:\n{list}\nGõ số thứ tự của lịch cần đổi hoặc hủy.",
    managePickHelp: "Gõ số thứ tự của lịch trong danh sách.",
    manageAction: "Lịch {code}: {procedure}, {slot}.\nGõ 1 để đổi thời gian, 2 để hủy lịch.",
    manageActionHelp: "Gõ 1 để đổi thời gian, 2 để hủy lịch này.",
    manageCancelled: "Đã hủy lịch hỗ trợ tại nhà {code}. Cảm ơn Ông/Bà đã báo.",
    manageMoveSummary: 'Đổi lịch {code} sang {slot}?\nGõ 1 (hoặc "đồng ý") để xác nhận, 2 để chọn lại.',
    manageMoved: "Đã đổi lịch {code} sang {slot}.",
    manageGone: "Lịch {code} không còn đổi hoặc hủy được (cán bộ đã cập nhật). Ông/Bà vui lòng liên hệ {unit}.",
    searchAsk: "Gõ từ khóa của thủ tục cần tra cứu (ví dụ: khai sinh, rượu, thực phẩm).",
    searchHelp: "Gõ từ khóa có trong tên thủ tục, hoặc số thứ tự của thủ tục trong danh sách.",
    searchChoices:
      'Các thủ tục phù hợp với "{keyword}":\n{list}\nGõ số thứ tự để xem chi tiết, hoặc từ khóa khác để tìm lại.',
    searchNone: 'Không tìm thấy thủ tục nào với từ khóa "{keyword}". Ông/Bà gõ từ khóa khác.',
    searchDetail: "{name}\n- Thành phần hồ sơ:\n{documents}\n- Lệ phí: {fee}\n- Thời hạn giải quyết: {time}{link}",
    contacts:
      "{unit}\nĐịa chỉ: {address}\nGiờ làm việc: sáng {morning}, chiều {afternoon}, thứ Hai đến thứ " +
      "Sáu{saturday}.\nĐiện thoại: {phone}",
    news: "Tin tức, thông báo mới nhất: {url}",
    lookup: "Để tra cứu hồ sơ, Ông/Bà gửi mã số biên nhận in trên Phiếu tiếp nhận (ví dụ H27.37-240219-1001).",
    welcomeMenu: "Các dịch vụ trên OA (chọn trong menu hoặc gõ đúng tên mục):\n{list}",
  },
  slotNames: { morning: "Sáng", afternoon: "Chiều" },
  menuKinds: {
    lookup: "Tra cứu hồ sơ",
    home_support: "ĐK hỗ trợ tại nhà",
    petition: "Phản ánh, kiến nghị",
    news: "Tin tức",
    procedure_search: "Tìm thủ tục",
    contacts: "Liên hệ",
  },
  statuses: {
    new: "Mới đăng ký",
    verified: "Đã xác minh",
    contacted: "Đã liên hệ",
    scheduled: "Đã hẹn lịch",
    done: "Hoàn thành",
    cancelled: "Đã hủy",
    no_show: "Không gặp được",
  },
  callOutcomes: {
    reached: "Liên lạc được",
    no_answer: "Không nghe máy",
    wrong_number: "Sai số",
    call_back: "Hẹn gọi lại",
  },
  ui: {
    navLabel: "Hỗ trợ tại nhà",
    title: "Đăng ký hỗ trợ nộp hồ sơ tại nhà",
    intro:
      'Người dân đăng ký qua Zalo OA (mục "ĐK hỗ trợ tại nhà"). Cán bộ xác minh thông tin, liên hệ và hỗ trợ nộp hồ ' +
      "sơ trực tuyến.",
    search: "Tìm theo mã, họ tên, số điện thoại, thủ tục",
    allStatuses: "Tất cả trạng thái",
    allDates: "Mọi ngày",
    date: "Ngày hẹn",
    filter: "Lọc",
    code: "Mã đăng ký",
    citizen: "Người dân",
    phone: "Số điện thoại",
    address: "Địa chỉ",
    procedure: "Thủ tục",
    slot: "Thời gian",
    status: "Trạng thái",
    assignee: "Cán bộ phụ trách",
    unassigned: "Chưa phân công",
    unit: "Đơn vị",
    empty: "Chưa có đăng ký nào.",
    consent: "Đồng ý chia sẻ thông tin",
    consentAt: "Thời điểm đồng ý",
    consentText: "Nội dung đã hiển thị",
    dossier: "Hồ sơ đã tiếp nhận",
    noDossier: "Chưa có hồ sơ",
    openIntake: "Tiếp nhận hồ sơ cho người dân này",
    changeStatus: "Chuyển trạng thái",
    save: "Lưu",
    saving: "Đang lưu…",
    saved: "Đã lưu.",
    notes: "Ghi chú và cuộc gọi",
    noNotes: "Chưa có ghi chú.",
    noteKind: "Loại",
    noteKinds: { note: "Ghi chú", call: "Cuộc gọi" },
    outcome: "Kết quả cuộc gọi",
    noteBody: "Nội dung",
    addNote: "Thêm ghi chú",
    reminderSent: "Đã nhắc lịch lúc",
    createdAt: "Đăng ký lúc",
    back: "Danh sách đăng ký",
    capacityTitle: "Số lượt hỗ trợ mỗi buổi",
    capacityIntro:
      "Số lượt nhận tối đa theo đơn vị, thứ trong tuần và buổi; ô trống dùng mức mặc định ({n}). Buổi đã kín không " +
      "hiện cho người dân chọn.",
    capacityUnit: "Đơn vị",
    weekdays: ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"],
    capacitySaved: "Đã lưu số lượt.",
    capacityLink: "Cấu hình số lượt",
  },
  menu: {
    navLabel: "Menu Zalo OA",
    title: "Menu dịch vụ của Zalo OA",
    intro:
      "Mỗi mục của menu OA gửi từ khóa của nó vào cuộc trò chuyện; hệ thống trả lời theo mục. Tin chào mừng khi " +
      "người dân quan tâm OA liệt kê các mục đang bật.",
    kind: "Mục",
    label: "Tên hiển thị",
    keyword: "Từ khóa gửi khi nhấn",
    position: "Thứ tự",
    enabled: "Bật",
    save: "Lưu menu",
    saved: "Đã lưu menu.",
    settingsTitle: "Hỗ trợ tại nhà và liên hệ",
    homeSupportUnit: "Đơn vị nhận đăng ký hỗ trợ tại nhà (khi thủ tục không gắn đơn vị)",
    homeSupportKeyword: "Từ khóa bổ sung để bắt đầu đăng ký",
    defaultCapacity: "Số lượt mặc định mỗi buổi",
    contactsUnit: "Đơn vị trong mục Liên hệ",
    contactsPhone: "Số điện thoại trong mục Liên hệ",
    none: "— Chưa chọn —",
    saveSettings: "Lưu cài đặt",
    settingsSaved: "Đã lưu cài đặt.",
    textsTitle: "Nội dung tin nhắn tự động",
    textsIntro: "Để trống để dùng nội dung mặc định. Giữ nguyên các chỗ '{trong_ngoặc}': hệ thống điền vào khi gửi.",
    textKey: "Mã",
    textDefault: "Mặc định",
    textOverride: "Nội dung thay thế",
    saveText: "Lưu",
    textSaved: "Đã lưu nội dung.",
    preview: "Tin chào mừng sẽ liệt kê",
  },
  errors: {
    notFound: "Không tìm thấy đăng ký.",
    badTransition: 'Không thể chuyển từ trạng thái "{from}" sang "{to}".',
    unknownText: "Mã nội dung không tồn tại.",
    placeholders: "Nội dung thay thế phải giữ các chỗ: {names}.",
    keywordTaken: 'Từ khóa "{keyword}" đã dùng cho mục khác.',
    dossierOtherUnit: "Hồ sơ không thuộc đơn vị của đăng ký.",
  },
} as const;
