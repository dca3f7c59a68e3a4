/** Errors a service may raise; entry points turn them into a 403 page, a form message or a problem+json body. */
export class ServiceError extends Error {}

export class UnauthenticatedError extends ServiceError {
  constructor() {
    super("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
  }
}

export class ForbiddenError extends ServiceError {
  constructor(public readonly permission?: string) {
    super("Bạn không có quyền thực hiện thao tác này.");
  }
}

export class NotFoundError extends ServiceError {
  constructor(message = "Không tìm thấy dữ liệu.") {
    super(message);
  }
}

export class ConflictError extends ServiceError {}

export class ValidationError extends ServiceError {
  constructor(
    public readonly fieldErrors: Record<string, string>,
    message = "Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.",
  ) {
    super(message);
  }
}

export class RateLimitedError extends ServiceError {}
