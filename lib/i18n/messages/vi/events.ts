export const events = {
  navLabel: "Sự kiện Zalo",
  title: "Sự kiện Zalo (webhook)",
  intro:
    "Các sự kiện Zalo gửi tới địa chỉ webhook: được lưu ngay khi nhận, sau đó tiến trình nền xử lý (trả lời tra cứu, " +
    "chào mừng người quan tâm, liên kết số điện thoại). Sự kiện lỗi được thử lại tự động; quản trị viên có thể xử lý " +
    "lại.",
  event: "Sự kiện",
  sender: "Người gửi (Zalo ID)",
  receivedAt: "Nhận lúc",
  status: "Trạng thái",
  attempts: "Số lần xử lý",
  lastError: "Lỗi gần nhất",
  nextAttemptAt: "Thử lại lúc",
  processedAt: "Xử lý xong lúc",
  allStatuses: "Tất cả trạng thái",
  eventNamePlaceholder: "Ví dụ: user_send_text",
  statuses: {
    pending: "Chờ xử lý",
    processing: "Đang xử lý",
    done: "Đã xử lý",
    failed: "Lỗi",
    ignored: "Bỏ qua",
  },
  requeue: "Xử lý lại",
  requeueing: "Đang đưa lại…",
  requeued: "Đã đưa sự kiện vào hàng đợi.",
  webhookUrl: "Địa chỉ webhook cần khai báo trên developers.zalo.me",
} as const;
