/** A failed API call: the HTTP status, the server's error code, and its (Chinese) message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown[] | undefined;

  constructor(status: number, code: string, message: string, details?: unknown[]) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

// The session's CSRF token, handed out by login and /api/auth/me; sent on every state-changing request.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session's CSRF token, for requests made outside `api` (file uploads). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Builds "?a=1&b=x" from the defined, non-empty parameters. */
export function toQueryString(params: QueryParams | undefined): string {
  if (!params) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

interface ErrorBody {
  error: { code?: string; message?: string; details?: unknown[] };
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === "object" && value !== null && "error" in value && typeof value.error === "object";
}

async function request<T>(method: Method, path: string, body?: unknown, query?: QueryParams): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  // A form (files) carries its own content type with the boundary, set by the browser.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(query)}`, {
      method,
      headers,
      credentials: "include",
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "");
  }

  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    const error = isErrorBody(payload) ? payload.error : undefined;
    throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? "", error?.details);
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>("GET", path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
  /** Sends files as a multipart/form-data form (see `uploadForm` in uploads.ts). */
  upload: <T>(path: string, form: FormData) => request<T>("POST", path, form),
};

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** A list answer: the server may send a bare array or a page {items, total}. */
export interface Page<T> {
  items: T[];
  total: number;
}

export function toPage<T>(payload: T[] | { items: T[]; total?: number } | null | undefined): Page<T> {
  if (!payload) return { items: [], total: 0 };
  if (Array.isArray(payload)) return { items: payload, total: payload.length };
  return { items: payload.items ?? [], total: payload.total ?? payload.items?.length ?? 0 };
}
