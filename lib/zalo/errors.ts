import { type QuotaScope, config } from "./config";

export type ZaloErrorKind = "retryable" | "token" | "permanent" | "quota" | "night_ban";

/** A failed Zalo call, classified so callers know whether to retry, refresh, wait for quota or give up. */
export class ZaloApiError extends Error {
  kind: ZaloErrorKind;
  code: number | null;
  httpStatus: number | null;
  retryAt?: Date;
  /** The request may have reached Zalo and been accepted (timeout, connection lost after sending). */
  ambiguous: boolean;

  constructor(init: {
    kind: ZaloErrorKind;
    code: number | null;
    httpStatus: number | null;
    message: string;
    retryAt?: Date;
    ambiguous?: boolean;
  }) {
    super(init.message);
    this.name = "ZaloApiError";
    this.kind = init.kind;
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.ambiguous = init.ambiguous ?? false;
    if (init.retryAt) this.retryAt = init.retryAt;
  }
}

/** Zalo error code → what to do about it (zalo-api.md §1.7, §2.6). The code lists live in config.ts. */
/** A failure that is not Zalo's own answer (network, timeout, a bug) is worth another try. */
export function asZaloError(err: unknown): ZaloApiError {
  if (err instanceof ZaloApiError) return err;
  return new ZaloApiError({
    kind: "retryable",
    code: null,
    httpStatus: null,
    message: err instanceof Error ? err.message : String(err),
  });
}

export function classifyZaloError(code: number | null): ZaloErrorKind {
  if (code === null) return "retryable";
  const c = config.errorCodes;
  if (c.token.includes(code)) return "token";
  if (c.nightBan.includes(code)) return "night_ban";
  if (c.quota.includes(code)) return "quota";
  if (c.retryable.includes(code)) return "retryable";
  if (c.permanent.includes(code)) return "permanent";
  // Unknown codes are treated as permanent: retrying a malformed request never helps, and staff see the code.
  return "permanent";
}

/** For a quota error: the OA's whole day, one template, the account balance, or a feature's limit. */
export function quotaScopeOf(code: number | null): QuotaScope {
  return (code !== null && config.quotaScopes[code]) || "oa_daily";
}

const VN_OFFSET_MS = 7 * 3600_000; // Asia/Ho_Chi_Minh has no daylight saving time.

/** The next 06:00 in Asia/Ho_Chi_Minh strictly after `now`, when night-banned sends may go again. */
export function nextMorningVn(now: Date = new Date()): Date {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  const sixToday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 6) - VN_OFFSET_MS;
  return new Date(sixToday > now.getTime() ? sixToday : sixToday + 86_400_000);
}

/** Builds the typed error for a Zalo error code (envelope `error` ≠ 0), with retryAt for the night ban. */
export function zaloErrorFromCode(
  code: number,
  message: string,
  httpStatus: number | null = 200,
  now: Date = new Date(),
): ZaloApiError {
  const kind = classifyZaloError(code);
  return new ZaloApiError({
    kind,
    code,
    httpStatus,
    message: `Zalo ${code}: ${message || zaloErrorReasonVi(code)}`,
    retryAt: kind === "night_ban" ? nextMorningVn(now) : undefined,
  });
}

const REASONS_VI: Record<number, string> = {
  [-32]: "Zalo đang giới hạn tốc độ gửi, hệ thống sẽ gửi lại sau",
  [-100]: "Zalo gặp lỗi không xác định, hệ thống sẽ gửi lại sau",
  [-101]: "Ứng dụng Zalo không hợp lệ",
  [-102]: "Ứng dụng Zalo không tồn tại",
  [-103]: "Ứng dụng Zalo chưa được kích hoạt",
  [-104]: "Khóa bí mật của ứng dụng Zalo không đúng",
  [-105]: "Ứng dụng chưa được liên kết với OA",
  [-108]: "Số điện thoại không hợp lệ",
  [-109]: "Mẫu tin (template) không hợp lệ",
  [-111]: "Thiếu dữ liệu cho mẫu tin",
  [-112]: "Dữ liệu mẫu tin không hợp lệ",
  [-114]: "Người dân không thể nhận tin (tài khoản không hoạt động hoặc đã từ chối nhận tin)",
  [-115]: "OA đã hết số dư/hạn mức gửi tin",
  [-117]: "OA không có quyền dùng mẫu tin này",
  [-118]: "Số điện thoại chưa đăng ký Zalo",
  [-124]: "Mã truy cập Zalo không hợp lệ, hệ thống đang làm mới",
  [-126]: "Hết hạn mức gửi thử",
  [-127]: "Mẫu tin thử chỉ gửi được cho quản trị viên OA",
  [-131]: "Mẫu tin chưa được Zalo duyệt",
  [-133]: "Zalo không cho gửi tin vào ban đêm (22:00–06:00), tin sẽ gửi lúc 06:00",
  [-135]: "OA chưa được phép gửi tin theo mẫu",
  [-139]: "Người dân đã từ chối nhận loại tin này",
  [-140]: "Người dân đã từ chối nhận tin từ OA",
  [-141]: "Người dân đã từ chối nhận tin",
  [-144]: "OA đã hết hạn mức gửi tin trong ngày",
  [-146]: "Mẫu tin đã bị vô hiệu hóa",
  [-147]: "Mẫu tin đã hết lượt gửi trong ngày",
  [-201]: "Dữ liệu gửi Zalo không hợp lệ",
  [-204]: "OA đã bị vô hiệu hóa",
  [-205]: "OA không tồn tại",
  [-211]: "OA đã hết hạn mức sử dụng tính năng này",
  [-213]: "Người dùng chưa quan tâm OA",
  [-216]: "Mã truy cập Zalo không hợp lệ, hệ thống đang làm mới",
  [-218]: "Người dân đã nhận tối đa số tin cho phép",
  [-220]: "Mã truy cập Zalo đã hết hạn, hệ thống đang làm mới",
  [-223]: "OA chưa cấp quyền cho ứng dụng dùng chức năng này",
  [-227]: "Tài khoản Zalo của người dân bị khóa hoặc lâu không hoạt động",
  [-230]: "Người dân không tương tác với OA trong 7 ngày qua, không gửi được tin tư vấn",
  [-232]: "Người dân chưa tương tác hoặc đã hết thời hạn tương tác với OA",
  [-234]: "Zalo không cho gửi loại tin này vào ban đêm (22:00–06:00), tin sẽ gửi lúc 06:00",
  [-240]: "API tin nhắn cũ đã ngừng hoạt động",
  [-242]: "Chữ ký appsecret_proof không hợp lệ",
  [-249]: "Mẫu tin không hỗ trợ gửi theo Zalo user id",
};

/** Plain-language Vietnamese reason for staff screens; unknown codes show the number. */
export function zaloErrorReasonVi(code: number | null): string {
  if (code === null) return "Không kết nối được tới Zalo (mạng hoặc hết thời gian chờ), hệ thống sẽ gửi lại sau";
  return REASONS_VI[code] ?? `Zalo trả về lỗi ${code}`;
}
