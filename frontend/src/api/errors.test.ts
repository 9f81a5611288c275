import { AxiosError, AxiosHeaders, type AxiosResponse } from "axios";
import { describe, expect, it } from "vitest";

import {
  ApiError,
  NETWORK_MESSAGE,
  TIMEOUT_MESSAGE,
  UNKNOWN_MESSAGE,
  VALIDATION_MESSAGE,
  errorMessages,
  flattenFieldErrors,
  normalizeError,
  refusedBody,
} from "./errors";

function httpError(status: number, data: unknown): AxiosError {
  const config = { headers: new AxiosHeaders() };
  const response = { status, data, statusText: "", headers: {}, config } as AxiosResponse;
  return new AxiosError(`Request failed with status code ${status}`, "ERR_BAD_REQUEST", config, {}, response);
}

describe("normalizeError", () => {
  it("uses the message of a {detail} body", () => {
    const raw = httpError(403, { detail: "You do not have permission to perform this action." });
    const error = normalizeError(raw);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      message: "You do not have permission to perform this action.",
      status: 403,
      raw,
    });
    expect(error.fields).toBeUndefined();
  });

  it("turns a validation dict into fields, nested keys dotted", () => {
    const error = normalizeError(
      httpError(400, {
        price: ["Ensure this value is greater than or equal to 0."],
        card_details: { grade: ["A grade is required when a grading company is set."] },
        non_field_errors: ["Something about the whole body."],
      }),
    );
    expect(error.message).toBe(VALIDATION_MESSAGE);
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({
      price: ["Ensure this value is greater than or equal to 0."],
      "card_details.grade": ["A grade is required when a grading company is set."],
      non_field_errors: ["Something about the whole body."],
    });
  });

  it("reports a network failure with its own message", () => {
    const raw = new AxiosError("Network Error", "ERR_NETWORK", { headers: new AxiosHeaders() }, {});
    expect(normalizeError(raw)).toMatchObject({ message: NETWORK_MESSAGE, status: undefined, raw });
  });

  it("reports a time-out as such", () => {
    const raw = new AxiosError("timeout of 10000ms exceeded", "ECONNABORTED", { headers: new AxiosHeaders() }, {});
    expect(normalizeError(raw).message).toBe(TIMEOUT_MESSAGE);
  });

  it.each([
    ["an HTML error page", httpError(502, "<html>Bad gateway</html>")],
    ["an empty object", httpError(500, {})],
    ["a thrown string", "boom"],
    ["a plain Error", new Error("boom")],
  ])("falls back to 'Unknown error' for %s", (_, raw) => {
    expect(normalizeError(raw)).toMatchObject({ message: UNKNOWN_MESSAGE, raw });
  });

  it("keeps the status of an unknown error response", () => {
    expect(normalizeError(httpError(502, "<html/>")).status).toBe(502);
  });

  it("returns an ApiError unchanged", () => {
    const error = new ApiError({ message: "x", raw: null });
    expect(normalizeError(error)).toBe(error);
  });
});

describe("flattenFieldErrors", () => {
  it("handles strings, lists of objects and deep nesting", () => {
    expect(flattenFieldErrors({ a: "one", b: [{ c: ["two"] }, "three"], d: { e: { f: ["four"] } } })).toEqual({
      a: ["one"],
      "b.0.c": ["two"],
      b: ["three"],
      "d.e.f": ["four"],
    });
  });
});

describe("errorMessages and refusedBody", () => {
  it("lists field messages (named or not), else the message", () => {
    const error = normalizeError(httpError(400, { changes: { price: ["Too many digits."] }, non_field_errors: ["At most 10000 items."] }));
    expect(errorMessages(error)).toEqual(["changes.price: Too many digits.", "At most 10000 items."]);
    expect(errorMessages(error, { fieldNames: false })).toEqual(["Too many digits.", "At most 10000 items."]);
    expect(errorMessages(normalizeError(httpError(503, { detail: "Down." })))).toEqual(["Down."]);
  });

  it("gives the body of a refusal with the expected status only", () => {
    const error = normalizeError(httpError(409, { detail: "Not enough stock.", quantity: 1 }));
    expect(refusedBody(error, 409)).toEqual({ detail: "Not enough stock.", quantity: 1 });
    expect(refusedBody(error, 412)).toBeUndefined();
    expect(refusedBody(new Error("x"), 409)).toBeUndefined();
  });
});
