import type { ErrorCode } from "./enums.gen";

/** The backend's error envelope for every non-2xx response. */
export interface ErrorEnvelope {
  error: string;
  code: string;
  details?: Record<string, string[]>;
}

export type FieldErrors = Record<string, string[]>;

/**
 * Codes the SPA reacts to: the API's (generated) and two of its own (an expired
 * session, no network); any other string the server sends is still carried.
 */
export type KnownErrorCode = ErrorCode | "token_expired" | "network_error";

function isEnvelope(body: unknown): body is ErrorEnvelope {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { code?: unknown }).code === "string" &&
    typeof (body as { error?: unknown }).error === "string"
  );
}

function fallbackCode(status: number): KnownErrorCode {
  if (status === 0) return "network_error";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 422) return "validation_failed";
  if (status === 429) return "rate_limited";
  if (status === 503) return "service_unavailable";
  if (status >= 500) return "internal_error";
  return "bad_request";
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: KnownErrorCode | (string & {});
  readonly details: FieldErrors;
  /** Seconds from a Retry-After header (429/503), when present. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: FieldErrors = {},
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }

  /** Builds an ApiError from a response whose body may already have been parsed. */
  static async fromResponse(response: Response, parsedBody?: unknown): Promise<ApiError> {
    let body = parsedBody;
    if (body === undefined) {
      try {
        body = await response.clone().json();
      } catch {
        body = undefined;
      }
    }
    const retryHeader = response.headers.get("Retry-After");
    const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
    if (isEnvelope(body)) {
      return new ApiError(response.status, body.code, body.error, body.details ?? {}, retryAfter);
    }
    return new ApiError(
      response.status,
      fallbackCode(response.status),
      response.statusText || `HTTP ${response.status}`,
      {},
      retryAfter,
    );
  }

  static network(cause: unknown): ApiError {
    const err = new ApiError(0, "network_error", "Network error");
    (err as { cause?: unknown }).cause = cause;
    return err;
  }

  get isServerError(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Reads the stable `code` of an error response without consuming the body. */
export async function peekErrorCode(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    return isEnvelope(body) ? body.code : null;
  } catch {
    return null;
  }
}
