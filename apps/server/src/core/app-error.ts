import { ErrorCode, type FieldErrorCode, type MessageKey, type MessageParams } from '@varde/contracts';

export interface PendingFieldError {
  path: string;
  code: FieldErrorCode;
  limit?: number;
}

const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  invalid_credentials: 401,
  invitation_invalid: 410,
  link_invalid: 410,
  rate_limited: 429,
  bad_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  uri_too_long: 414,
  header_too_large: 431,
  internal: 500,
};

/**
 * A coded error raised by services. The error handler turns it into `{ error: { code, message, fields } }`
 * with the message translated into the request's language.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey | undefined = undefined,
    readonly params: MessageParams = {},
    readonly fields: PendingFieldError[] = [],
  ) {
    super(messageKey ?? `error.${code}`);
    this.status = statusOf[code];
  }
}

export const notFound = (messageKey?: MessageKey, params?: MessageParams) => new AppError(ErrorCode.notFound, messageKey, params);
export const forbidden = () => new AppError(ErrorCode.forbidden);
export const conflict = (messageKey?: MessageKey) => new AppError(ErrorCode.conflict, messageKey);
export const fieldErrors = (...fields: PendingFieldError[]) => new AppError(ErrorCode.validation, undefined, {}, fields);
