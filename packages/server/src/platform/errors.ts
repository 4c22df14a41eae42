/** An error meant for the caller: status, a stable code, a Chinese message and optional details. */
export interface ErrorDetail {
  path?: string;
  message: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra top-level fields of the error object, e.g. retryAfterSeconds. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new AppError(400, "validation", message, details);
export const unauthorized = (message = "请先登录") => new AppError(401, "unauthorized", message);
export const forbidden = (message = "没有权限执行此操作") => new AppError(403, "forbidden", message);
export const notFound = (message = "未找到请求的资源") => new AppError(404, "not_found", message);
export const conflict = (message: string) => new AppError(409, "conflict", message);

/** The JSON body of every error response. */
export function errorBody(error: AppError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      ...(error.extra ?? {}),
    },
  };
}
