/**
 * One error shape for the whole UI, whatever went wrong on the way:
 * `{message, status?, fields?, raw}` (delivery plan §11).
 *
 * - `{"detail": "…"}` → that message;
 * - a validation dict (DRF's `{"field": ["msg"]}`, nested for nested objects)
 *   → `fields` with dotted keys (`card_details.grade`) and "Validation error";
 * - no response at all (offline, DNS, CORS, time-out) → a network message;
 * - anything else → "Unknown error".
 */
import { isAxiosError } from "axios";

export type FieldErrors = Record<string, string[]>;

export interface NormalizedError {
  message: string;
  status?: number;
  fields?: FieldErrors;
  raw: unknown;
}

export const VALIDATION_MESSAGE = "Validation error";
export const UNKNOWN_MESSAGE = "Unknown error";
export const NETWORK_MESSAGE = "Cannot reach the server. Check your connection and try again.";
export const TIMEOUT_MESSAGE = "The server took too long to answer. Try again.";

/** An Error (so error boundaries and TanStack Query treat it as one) with the normalized fields. */
export class ApiError extends Error implements NormalizedError {
  readonly status?: number;
  readonly fields?: FieldErrors;
  readonly raw: unknown;

  constructor({ message, status, fields, raw }: NormalizedError) {
    super(message);
    this.name = "ApiError";
    if (status !== undefined) this.status = status;
    if (fields !== undefined) this.fields = fields;
    this.raw = raw;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{"card_details": {"grade": ["…"]}}` → `{"card_details.grade": ["…"]}`. */
export function flattenFieldErrors(data: unknown, prefix = ""): FieldErrors {
  const out: FieldErrors = {};
  const add = (key: string, message: string) => {
    (out[key] ??= []).push(message);
  };
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string") {
      add(key, value);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item === "string") add(key, item);
        else walk(item, key ? `${key}.${index}` : String(index));
      });
    } else if (isRecord(value)) {
      for (const [child, nested] of Object.entries(value)) walk(nested, key ? `${key}.${child}` : child);
    }
  };
  walk(data, prefix);
  return out;
}

/**
 * Every message an error carries: its field messages when it has them (as
 * `field: message`, unless the form has a single input the messages are about),
 * else its message.
 */
export function errorMessages(error: ApiError, { fieldNames = true }: { fieldNames?: boolean } = {}): string[] {
  if (!error.fields) return [error.message];
  const named = (field: string) => fieldNames && field !== "non_field_errors" && field !== "detail";
  return Object.entries(error.fields).flatMap(([field, messages]) =>
    messages.map((message) => (named(field) ? `${field}: ${message}` : message)),
  );
}

/**
 * The JSON body of a refused request when it had this status, for the refusals
 * whose body says more than `detail` (412's `current`, 409's `quantity` or `items`).
 */
export function refusedBody(error: unknown, status: number): unknown {
  if (!(error instanceof ApiError) || error.status !== status || !isAxiosError(error.raw)) return undefined;
  return error.raw.response?.data;
}

export function normalizeError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (!isAxiosError(error)) return new ApiError({ message: UNKNOWN_MESSAGE, raw: error });

  const response = error.response;
  if (!response) {
    const timedOut = error.code === "ECONNABORTED" || error.code === "ETIMEDOUT";
    return new ApiError({ message: timedOut ? TIMEOUT_MESSAGE : NETWORK_MESSAGE, raw: error });
  }
  const status = response.status;
  const data: unknown = response.data;
  if (isRecord(data) && typeof data.detail === "string") {
    return new ApiError({ message: data.detail, status, raw: error });
  }
  if (isRecord(data)) {
    const fields = flattenFieldErrors(data);
    if (Object.keys(fields).length > 0) {
      return new ApiError({ message: VALIDATION_MESSAGE, status, fields, raw: error });
    }
  }
  return new ApiError({ message: UNKNOWN_MESSAGE, status, raw: error });
}
