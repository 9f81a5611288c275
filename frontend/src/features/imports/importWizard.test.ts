import { describe, expect, it } from "vitest";

import { importBatch, importRow } from "@/test/fixtures";

import { canCommit, importStep, parseOutcome, previewSummary, resultSummary, rowDetail, rowName, rowsToApply } from "./importWizard";

describe("import wizard states", () => {
  it("goes preview → committing → committed → rolled back", () => {
    expect(importStep({ status: "preview" }, false)).toBe("preview");
    expect(importStep({ status: "preview" }, true)).toBe("committing");
    expect(importStep({ status: "committed" }, false)).toBe("committed");
    expect(importStep({ status: "rolled_back" }, false)).toBe("rolled_back");
  });

  it("commits only previews with rows to create or update", () => {
    expect(canCommit(importBatch())).toBe(true);
    expect(canCommit(importBatch({ status: "committed" }))).toBe(false);
    const nothing = importBatch({ counts: { create: 0, update: 0, unchanged: 4, error: 2 } });
    expect(rowsToApply(nothing.counts)).toBe(0);
    expect(canCommit(nothing)).toBe(false);
  });

  it("says what the preview will do and what the commit did", () => {
    const counts = { create: 3, update: 1, unchanged: 2, error: 1 };
    expect(previewSummary(counts)).toBe("3 to create, 1 to update, 2 unchanged, 1 with errors");
    expect(resultSummary(counts)).toBe(
      "Created 3 items and updated 1 item. 2 rows matched items that were already up to date. 1 row with errors was skipped.",
    );
    expect(resultSummary({ create: 1, update: 0, unchanged: 0, error: 2 })).toBe(
      "Created 1 item and updated 0 items. 2 rows with errors were skipped.",
    );
  });

  it("reads the outcome filter from the URL, forgivingly", () => {
    expect(parseOutcome("error")).toBe("error");
    expect(parseOutcome("nonsense")).toBe("");
    expect(parseOutcome(null)).toBe("");
  });
});

describe("rows", () => {
  it("names a row by what it writes, else by the file's name column", () => {
    expect(rowName(importRow())).toBe("Charizard");
    expect(rowName(importRow({ data: {}, raw: { "Product Name": "Blastoise" } }))).toBe("Blastoise");
    expect(rowName(importRow({ data: null, raw: {} }))).toBe("—");
  });

  it("summarises a create, lists an update's changes and an error's messages", () => {
    expect(rowDetail(importRow())).toEqual({ kind: "summary", text: "2 × Near Mint · 449.99 USD · BS #4/102" });
    expect(
      rowDetail(importRow({ outcome: "update", changes: { price: ["420.00", "449.99"], "card_details.language": ["EN", "JA"] } })),
    ).toEqual({
      kind: "changes",
      lines: [
        { field: "Price", old: "420.00", new: "449.99" },
        { field: "Card language", old: "English", new: "Japanese" },
      ],
    });
    expect(rowDetail(importRow({ outcome: "error", errors: { Condition: ["Unknown condition 'Mint-ish'."] } }))).toEqual({
      kind: "errors",
      lines: [{ column: "Condition", message: "Unknown condition 'Mint-ish'." }],
    });
    expect(rowDetail(importRow({ outcome: "unchanged" }))).toEqual({ kind: "summary", text: "Already up to date." });
  });
});
