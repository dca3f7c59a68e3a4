import { type Locale, translate } from "@/lib/i18n/translate";

/**
 * Errors a service may raise; entry points turn them into a 403 page, a form message or a problem+json body.
 * They carry a catalogue key (packed with its values by `msg`), translated at the entry point into the caller's
 * language; `message` is the Vietnamese sentence, for logs and the Zalo chat.
 */
export class ServiceError extends Error {
  constructor(public readonly key: string) {
    super(translate("vi", key));
  }

  messageIn(locale: Locale): string {
    return translate(locale, this.key);
  }
}

export class UnauthenticatedError extends ServiceError {
  constructor() {
    super("errors.service.unauthenticated");
  }
}

export class ForbiddenError extends ServiceError {
  constructor(public readonly permission?: string) {
    super("errors.service.forbidden");
  }
}

export class NotFoundError extends ServiceError {
  constructor(key = "errors.service.notFound") {
    super(key);
  }
}

export class ConflictError extends ServiceError {}

export class ValidationError extends ServiceError {
  /** Field → Vietnamese sentence. */
  public readonly fieldErrors: Record<string, string>;

  constructor(
    /** Field → packed catalogue key. */
    public readonly fieldKeys: Record<string, string>,
    key = "errors.service.validation",
  ) {
    super(key);
    this.fieldErrors = this.fieldErrorsIn("vi");
  }

  fieldErrorsIn(locale: Locale): Record<string, string> {
    return Object.fromEntries(Object.entries(this.fieldKeys).map(([f, k]) => [f, translate(locale, k)]));
  }
}

export class RateLimitedError extends ServiceError {}
