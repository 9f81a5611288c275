import { describe, expect, it } from "vitest";

import { flagIsOn } from "./flags";

describe("feature flags", () => {
  it("is on only when /auth/me/ lists it", () => {
    expect(flagIsOn({ flags: ["price-filters"] }, "price-filters")).toBe(true);
    expect(flagIsOn({ flags: ["something-else"] }, "price-filters")).toBe(false);
    expect(flagIsOn(undefined, "price-filters")).toBe(false); // still loading: hidden
  });
});
