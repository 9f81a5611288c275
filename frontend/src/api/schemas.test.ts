import { describe, expect, it } from "vitest";

import { collectible, page } from "@/test/fixtures";

import { ApiError } from "./errors";
import { UNREADABLE_RESPONSE, collectiblePageSchema, collectibleSchema, parseResponse } from "./schemas";

describe("server data validation", () => {
  it("keeps valid external ids", () => {
    const parsed = collectibleSchema.parse(collectible());
    expect(parsed.external_ids).toEqual({ tcgplayer: "83712", cardmarket: 273699 });
    expect(parsed.externalIdsMalformed).toBe(false);
  });

  it.each([
    ["a string", "{oops"],
    ["a list", [1, 2]],
    ["a nested value", { tcgplayer: { id: 1 } }],
    ["an empty key", { "": "1" }],
  ])("turns malformed legacy external ids (%s) into an empty set with a flag", (_, externalIds) => {
    const parsed = collectibleSchema.parse({ ...collectible(), external_ids: externalIds });
    expect(parsed.external_ids).toEqual({});
    expect(parsed.externalIdsMalformed).toBe(true);
  });

  it("reads null external ids as an empty set without a notice", () => {
    const parsed = collectibleSchema.parse({ ...collectible(), external_ids: null });
    expect(parsed).toMatchObject({ external_ids: {}, externalIdsMalformed: false });
  });

  it("refuses a page that breaks the contract with a readable ApiError", () => {
    const broken = page([{ ...collectible(), condition: "SHINY" } as unknown as ReturnType<typeof collectible>]);
    expect(() => parseResponse(collectiblePageSchema, broken)).toThrow(ApiError);
    expect(() => parseResponse(collectiblePageSchema, broken)).toThrow(UNREADABLE_RESPONSE);
  });
});
