/**
 * How a collectible's fields are named and shown wherever the UI lists changes
 * field by field: the edit-conflict screen, the history tab, an import's updates.
 * Field names are the API's (`card_details.language` for card details).
 */
import {
  conditionLabels,
  finishLabels,
  gameLabels,
  gradingCompanyLabels,
  languageLabels,
  marketRegionLabels,
} from "./vocabulary";

const fieldLabels: Record<string, string> = {
  name: "Name",
  description: "Description",
  sku: "SKU",
  condition: "Condition",
  quantity: "Quantity",
  price: "Price",
  currency: "Currency",
  release_date: "Release date",
  external_ids: "Marketplace ids",
  image: "Image",
  card_details: "Single card",
  "card_details.game": "Game",
  "card_details.set_name": "Set name",
  "card_details.set_code": "Set code",
  "card_details.card_number": "Card number",
  "card_details.rarity": "Rarity",
  "card_details.language": "Card language",
  "card_details.market_region": "Market region",
  "card_details.finish": "Finish",
  "card_details.grading_company": "Graded by",
  "card_details.grade": "Grade",
};

const valueLabels: Record<string, Record<string, string>> = {
  condition: conditionLabels,
  "card_details.game": gameLabels,
  "card_details.language": languageLabels,
  "card_details.market_region": marketRegionLabels,
  "card_details.finish": finishLabels,
  "card_details.grading_company": gradingCompanyLabels,
};

/** A person's name for a field; unknown fields keep the API's name. */
export function fieldLabel(field: string): string {
  return fieldLabels[field] ?? field;
}

/** A field's value as text: enum labels, marketplace ids as `key: id`, "—" for nothing. */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return valueLabels[field]?.[value] ?? value;
  if (typeof value === "number") return String(value);
  if (typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length ? entries.map(([key, id]) => `${key}: ${String(id)}`).join(", ") : "—";
  }
  return JSON.stringify(value);
}
