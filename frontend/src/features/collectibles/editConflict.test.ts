import { describe, expect, it } from "vitest";

import { collectibleSchema } from "@/api/schemas";
import type { CardDetails } from "@/api/types";
import { collectible } from "@/test/fixtures";

import { type CollectibleFormValues, valuesFromRecord } from "./collectibleForm";
import { conflictDiff, mergeEdits } from "./editConflict";

const values = (overrides: Parameters<typeof collectible>[0] = {}) => valuesFromRecord(collectibleSchema.parse(collectible(overrides)));
const card = (change: Partial<CardDetails>) => ({ ...collectible().card_details, ...change }) as CardDetails;
const edit = (base: CollectibleFormValues, change: Partial<CollectibleFormValues>): CollectibleFormValues => ({ ...base, ...change });

describe("conflictDiff", () => {
  it("lists each field changed meanwhile or by me, with loaded, current and my value", () => {
    const loaded = values();
    const current = values({ price: "300.00", quantity: 1 });
    const mine = edit(loaded, { name: "Charizard 1st", price: "280.00" });

    expect(conflictDiff(loaded, current, mine)).toEqual([
      { field: "name", loaded: "Charizard", current: "Charizard", mine: "Charizard 1st", changedMeanwhile: false, changedByMe: true, clash: false },
      { field: "quantity", loaded: 2, current: 1, mine: 2, changedMeanwhile: true, changedByMe: false, clash: false },
      { field: "price", loaded: "249.99", current: "300.00", mine: "280.00", changedMeanwhile: true, changedByMe: true, clash: true },
    ]);
  });

  it("sees the same change on both sides as no clash, and card details field by field", () => {
    const loaded = values();
    const current = values({ card_details: card({ language: "JA" }), price: "1.00" });
    const mine = edit(loaded, { price: "1.00" });
    const diff = conflictDiff(loaded, current, mine);
    expect(diff.map((row) => [row.field, row.clash])).toEqual([
      ["price", false],
      ["card_details.language", false],
    ]);
  });

  it("compares marketplace ids as a set, whatever their order", () => {
    const loaded = values({ external_ids: { tcgplayer: "1", cardmarket: 2 } });
    const current = values({ external_ids: { cardmarket: 2, tcgplayer: "1" } });
    expect(conflictDiff(loaded, current, loaded)).toEqual([]);
  });
});

describe("mergeEdits", () => {
  it("keeps their changes and puts mine on top", () => {
    const loaded = values();
    const current = values({ quantity: 1, condition: "LP", card_details: card({ rarity: "Rare" }) });
    const mine = edit(loaded, {
      price: "199.00",
      condition: "MP",
      card_details: { ...loaded.card_details, set_code: "BS1" },
    });

    const merged = mergeEdits(loaded, current, mine);
    expect(merged).toMatchObject({ price: "199.00", quantity: "1", condition: "MP" });
    expect(merged.card_details).toMatchObject({ rarity: "Rare", set_code: "BS1" });
  });

  it("takes card details as a whole when one side added or removed them", () => {
    const loaded = values();
    const current = values({ card_details: null });
    expect(mergeEdits(loaded, current, edit(loaded, { price: "1.00" })).hasCardDetails).toBe(false);

    const mine = edit(loaded, { card_details: { ...loaded.card_details, grade: "9", grading_company: "PSA" } });
    const merged = mergeEdits(loaded, current, mine);
    expect(merged.hasCardDetails).toBe(true);
    expect(merged.card_details).toMatchObject({ game: "pokemon", grade: "9", grading_company: "PSA" });
  });

  it("takes my marketplace ids when I changed them, else theirs", () => {
    const loaded = values();
    const current = values({ external_ids: { tcgplayer: "999" } });
    expect(mergeEdits(loaded, current, loaded).external_ids).toEqual(current.external_ids);
    const mine = edit(loaded, { external_ids: [] });
    expect(mergeEdits(loaded, current, mine).external_ids).toEqual([]);
  });
});
