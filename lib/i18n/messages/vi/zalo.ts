export const zalo = {
  navLabel: "Kết nối Zalo OA",
  title: "Kết nối Zalo Official Account",
  intro:
    "Thông tin ứng dụng và OA dùng để gửi tin tới người dân và xác thực sự kiện webhook. Khóa bí mật được mã hóa khi " +
    "lưu và không bao giờ hiển thị lại.",
  settingsTitle: "Thông tin ứng dụng và OA",
  appId: "App ID",
  appSecret: "Khóa bí mật ứng dụng (App Secret Key)",
  oaId: "OA ID",
  oaSecretKey: "Khóa bí mật OA (OA Secret Key)",
  oaSecretKeyHint: "Dùng để xác thực chữ ký X-ZEvent-Signature của webhook.",
  secretSaved: "Đã lưu — để trống để giữ nguyên",
  secretNotSet: "Chưa lưu",
  welcomeMessage: "Lời chào gửi khi người dân quan tâm OA",
  welcomeHint: "Để trống để dùng lời chào mặc định.",
  save: "Lưu cấu hình",
  saving: "Đang lưu…",
  saved: "Đã lưu cấu hình Zalo.",
  sourceEnv: "Cấu hình đang lấy từ biến môi trường lúc khởi động; lưu tại đây sẽ thay thế.",
  webhookTitle: "Địa chỉ webhook cần đăng ký",
  webhookHint:
    "Khai báo địa chỉ này trong trang quản lý ứng dụng Zalo (developers.zalo.me) → Webhook, bật các sự kiện cần nhận.",
  callbackTitle: "Địa chỉ callback OAuth",
  callbackHint: "Khai báo trong ứng dụng Zalo → Official Account → Thiết lập chung.",
  tokenTitle: "Tình trạng kết nối (token)",
  tokenStates: { none: "Chưa kết nối", ok: "Đang hoạt động", failed: "Làm mới token thất bại" },
  tokenExpires: "Access token hết hạn lúc",
  tokenRefreshed: "Làm mới gần nhất",
  tokenNeverRefreshed: "Chưa làm mới lần nào",
  tokenError: "Lỗi gần nhất",
  tokenFailedHelp: "Tin nhắn tới người dân đang chờ. Hãy kết nối lại OA (nút bên dưới) hoặc dán refresh token mới.",
  shellAlert: "Kết nối Zalo OA: làm mới token thất bại, tin nhắn tới người dân đang chờ gửi.",
  shellAlertLink: "Kết nối lại OA",
  shellAlerts: {
    webhook_signature:
      "Webhook Zalo: {count} sự kiện liên tiếp bị từ chối vì sai chữ ký (kiểm tra OA Secret Key). Zalo sẽ tắt " +
      "webhook nếu lỗi kéo dài.",
    webhook_unconfigured:
      "Webhook Zalo: đã nhận {count} sự kiện khi OA chưa được cấu hình. Zalo sẽ tắt webhook nếu lỗi kéo dài.",
    zbs_balance:
      "Zalo báo hết số dư gửi tin ZBS: tin theo mẫu đang tạm dừng, hệ thống thử lại mỗi giờ. Hãy nạp thêm tiền cho " +
      "tài khoản Zalo Cloud.",
    zbs_development_mode:
      "Đang bật chế độ thử nghiệm ZBS: tin theo mẫu chỉ tới quản trị viên OA, người dân không nhận được.",
  },
  shellAlertsLink: "Mở trang kết nối Zalo OA",
  devModeTitle: "Chế độ thử nghiệm ZBS",
  devModeLabel: "Gửi tin theo mẫu (ZBS) ở chế độ thử nghiệm (mode: development)",
  devModeHint:
    "Dùng khi kiểm tra trước khi vận hành: Zalo chỉ gửi tới quản trị viên của OA và ứng dụng, người dân không nhận " +
    "được tin. Nhớ tắt khi vận hành thật.",
  devModeSave: "Lưu chế độ gửi",
  devModeSaved: "Đã lưu chế độ gửi tin ZBS.",
  connectTitle: "Kết nối OA",
  connectOauth: "Kết nối qua Zalo (cấp quyền OAuth v4)",
  connectOauthHint: "Chuyển tới Zalo để quản trị viên OA cấp quyền; sau đó quay lại trang này.",
  needSettings: "Lưu App ID và App Secret trước khi kết nối.",
  refreshToken: "Refresh token",
  refreshTokenHint: "Lấy từ công cụ API Explorer của Zalo (OA Access Token). Hệ thống sẽ đổi ngay thành cặp token mới.",
  saveRefreshToken: "Lưu refresh token",
  refreshTokenSaved: "Đã lưu refresh token và kết nối thành công.",
  oauthConnected: "Đã kết nối OA qua Zalo.",
  oauthFailed: "Kết nối OA không thành công: {reason}",
} as const;
