import { describe, expect, it } from "vitest";

import { MANUAL_REASONS, adjustmentLabel, defaultReason, formatDelta, parseDelta, stepDelta } from "./stockAdjustment";

describe("stock adjustment rules", () => {
  it.each([
    ["-3", { delta: -3 }],
    ["+2", { delta: 2 }],
    [" 4 ", { delta: 4 }],
    ["0", { error: "Enter a change other than 0." }],
    ["1.5", { error: expect.stringMatching(/whole number/) as unknown }],
    ["", { error: expect.stringMatching(/whole number/) as unknown }],
    ["99999999999", { error: "That change is too large." }],
  ])("parses %j", (text, expected) => {
    expect(parseDelta(text)).toEqual(expected);
  });

  it("steps over zero and from nonsense", () => {
    expect(stepDelta("-1", 1)).toBe("1");
    expect(stepDelta("1", -1)).toBe("-1");
    expect(stepDelta("-2", -1)).toBe("-3");
    expect(stepDelta("abc", 1)).toBe("1");
  });

  it("suggests a reason from the sign, says what the button does, shows signed changes", () => {
    expect(defaultReason(-2)).toBe("sale");
    expect(defaultReason(3)).toBe("purchase");
    expect(adjustmentLabel(-2)).toBe("Remove 2");
    expect(adjustmentLabel(1)).toBe("Add 1");
    expect(adjustmentLabel(undefined)).toBe("Adjust stock");
    expect([formatDelta(3), formatDelta(-1)]).toEqual(["+3", "-1"]);
    expect(MANUAL_REASONS).not.toContain("import");
  });
});
