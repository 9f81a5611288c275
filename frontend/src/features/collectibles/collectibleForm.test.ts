import { describe, expect, it } from "vitest";

import { contractLimits } from "@/api/generated/limits";
import { collectibleSchema } from "@/api/schemas";
import { collectible } from "@/test/fixtures";

import {
  type CollectibleFormValues,
  collectibleFormSchema,
  externalIdsProblems,
  mapServerErrors,
  newCollectibleValues,
  toRequest,
  valuesFromRecord,
} from "./collectibleForm";

const valid = (): CollectibleFormValues => ({
  ...newCollectibleValues("USD"),
  name: "Charizard",
  price: "12.50",
  card_details: { ...newCollectibleValues("USD").card_details, game: "pokemon", language: "EN", market_region: "NA" },
});

function problems(values: CollectibleFormValues): Record<string, string> {
  const result = collectibleFormSchema.safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("form rules mirror the API", () => {
  it("accepts a valid card", () => {
    expect(problems(valid())).toEqual({});
  });

  it.each([
    ["quantity", "-1"],
    ["quantity", "1.5"],
    ["price", "-1"],
    ["price", "12.345"],
    ["price", "abc"],
    ["currency", "US"],
    ["currency", "XYZ"],
    ["name", "   "],
    ["description", "x".repeat(5001)],
  ] as const)("refuses %s = %j", (field, value) => {
    expect(problems({ ...valid(), [field]: value })).toHaveProperty(field);
  });

  // Every text field the contract bounds, wherever the form has it (a limit added to the API joins this list).
  const boundedText = [
    ...Object.entries(contractLimits.CollectibleRequest).map(([field, limits]) => [field, limits] as const),
    ...Object.entries(contractLimits.CardDetailsRequest).map(([field, limits]) => [`card_details.${field}`, limits] as const),
  ].flatMap(([path, limits]) => ("maxLength" in limits && path !== "currency" ? [[path, limits.maxLength] as const] : []));

  it("knows the contract's text limits", () => {
    expect(Object.fromEntries(boundedText)).toMatchObject({ name: 200, description: 5000, sku: 64, "card_details.set_code": 20 });
  });

  it.each(boundedText)("takes the limit of %s from the contract (%i characters)", (path, max) => {
    const withText = (text: string): CollectibleFormValues => {
      const values = valid();
      if (path.startsWith("card_details.")) return { ...values, card_details: { ...values.card_details, [path.slice(13)]: text } };
      return { ...values, [path]: text };
    };
    expect(problems(withText("x".repeat(max)))).toEqual({});
    expect(problems(withText("x".repeat(max + 1)))).toEqual({ [path]: `At most ${max} characters.` });
  });

  it("takes a lower-case currency code (it is sent upper-case)", () => {
    const values = { ...valid(), currency: "eur" };
    expect(problems(values)).toEqual({});
    expect(toRequest(values).currency).toBe("EUR");
  });

  it("requires a grade exactly when a grading company is set", () => {
    const card = valid().card_details;
    expect(problems({ ...valid(), card_details: { ...card, grading_company: "PSA" } })).toEqual({
      "card_details.grade": "A grade is required when a grading company is set.",
    });
    expect(problems({ ...valid(), card_details: { ...card, grade: "9.5" } })).toEqual({
      "card_details.grading_company": "A grade needs the grading company that gave it.",
    });
    expect(problems({ ...valid(), card_details: { ...card, grading_company: "PSA", grade: "10.5" } })).toHaveProperty(
      "card_details.grade",
    );
    expect(problems({ ...valid(), card_details: { ...card, grading_company: "PSA", grade: "9.5" } })).toEqual({});
  });

  it("requires game, language and region only for cards", () => {
    const blankCard = newCollectibleValues("USD").card_details;
    expect(Object.keys(problems({ ...valid(), card_details: blankCard }))).toEqual([
      "card_details.game",
      "card_details.language",
      "card_details.market_region",
    ]);
    expect(problems({ ...valid(), hasCardDetails: false, card_details: blankCard })).toEqual({});
  });
});

describe("external ids editor rules", () => {
  it("rejects empty and duplicate keys, and empty ids", () => {
    expect(
      externalIdsProblems([
        { key: "tcgplayer", value: "1", numeric: false },
        { key: " ", value: "2", numeric: false },
        { key: "tcgplayer ", value: "3", numeric: false },
        { key: "cardmarket", value: "", numeric: false },
      ]),
    ).toEqual({
      "external_ids.1.key": "Enter the marketplace name.",
      "external_ids.2.key": "“tcgplayer” is already in the list.",
      "external_ids.3.value": "Enter the id.",
    });
  });

  it("allows at most 50", () => {
    const rows = Array.from({ length: 51 }, (_, index) => ({ key: `m${index}`, value: "1", numeric: false }));
    expect(externalIdsProblems(rows)).toEqual({ "external_ids.root": "At most 50 marketplace ids." });
  });
});

describe("conversions", () => {
  it("round-trips a record, keeping numeric ids numbers", () => {
    const record = collectibleSchema.parse(collectible());
    const body = toRequest(valuesFromRecord(record));
    expect(body).toMatchObject({
      name: "Charizard",
      quantity: 2,
      price: "249.99",
      external_ids: { tcgplayer: "83712", cardmarket: 273699 },
      card_details: { game: "pokemon", grading_company: null, grade: null },
    });
  });

  it("sends card_details: null for sealed product (PUT removes them)", () => {
    expect(toRequest({ ...valid(), hasCardDetails: false }).card_details).toBeNull();
  });
});

describe("mapServerErrors", () => {
  it("puts field errors on inputs, nested ones on the card details inputs", () => {
    expect(
      mapServerErrors({
        price: ["Ensure this value is greater than or equal to 0."],
        "card_details.grade": ["A grade is required when a grading company is set."],
        external_ids: ["Keys must be non-empty strings."],
        non_field_errors: ["Something about the whole item."],
        vendor: ["You cannot set this."],
      }),
    ).toEqual({
      fields: [
        ["price", "Ensure this value is greater than or equal to 0."],
        ["card_details.grade", "A grade is required when a grading company is set."],
        ["external_ids.root", "Keys must be non-empty strings."],
      ],
      form: ["Something about the whole item.", "vendor: You cannot set this."],
    });
  });
});
