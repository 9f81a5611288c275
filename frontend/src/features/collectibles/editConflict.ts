/**
 * The edit conflict (412): the user edited the version they loaded, someone
 * else saved a newer one meanwhile. Three versions of the form's values are
 * compared — loaded, current, mine — to say field by field what changed on
 * which side, and to reapply the user's changes on top of the current version.
 *
 * Merging rule: a field the user changed takes the user's value; every other
 * field takes the current value. The card details merge field by field when
 * all three versions have them; otherwise (added or removed on some side) they
 * are one unit, like the marketplace ids.
 */
import type { CollectibleRequest } from "@/api/types";

import { CARD_FIELDS, type CollectibleFormValues, ITEM_FIELDS, rowsToExternalIds, toRequest } from "./collectibleForm";

/** Equality of JSON-like values, object keys in any order. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The request a version of the values sends, flattened to the API's field names. */
function flatten(values: CollectibleFormValues): Record<string, unknown> {
  const { card_details: card, external_ids, ...item }: CollectibleRequest = toRequest(values);
  const flat: Record<string, unknown> = { ...item, card_details: Boolean(card), external_ids };
  for (const field of CARD_FIELDS) flat[`card_details.${field}`] = card ? card[field] : null;
  return flat;
}

/** One field that differs between the versions. */
export interface FieldDiff {
  field: string;
  loaded: unknown;
  current: unknown;
  mine: unknown;
  /** Someone else changed it since the user loaded the item. */
  changedMeanwhile: boolean;
  /** The user changed it in the form. */
  changedByMe: boolean;
  /** Both changed it, to different values: reapplying puts the user's value over theirs. */
  clash: boolean;
}

const FIELD_ORDER = [...ITEM_FIELDS, "card_details", ...CARD_FIELDS.map((field) => `card_details.${field}`), "external_ids"];

/** Every field someone else or the user changed, in the form's order. */
export function conflictDiff(
  loaded: CollectibleFormValues,
  current: CollectibleFormValues,
  mine: CollectibleFormValues,
): FieldDiff[] {
  const [b, c, m] = [flatten(loaded), flatten(current), flatten(mine)];
  return FIELD_ORDER.flatMap((field) => {
    const changedMeanwhile = !same(b[field], c[field]);
    const changedByMe = !same(b[field], m[field]);
    if (!changedMeanwhile && !changedByMe) return [];
    return [
      {
        field,
        loaded: b[field],
        current: c[field],
        mine: m[field],
        changedMeanwhile,
        changedByMe,
        clash: changedMeanwhile && changedByMe && !same(c[field], m[field]),
      },
    ];
  });
}

/** The user's value where they changed something, else the current one. */
const pick = <T>(loaded: T, current: T, mine: T): T => (same(loaded, mine) ? current : mine);

function mergeFields<T extends object>(target: T, fields: readonly (keyof T)[], loaded: T, current: T, mine: T) {
  for (const field of fields) target[field] = pick(loaded[field], current[field], mine[field]);
}

const cardBlock = (values: CollectibleFormValues) => (values.hasCardDetails ? values.card_details : null);

/** The user's changes reapplied on top of the current version. */
export function mergeEdits(
  loaded: CollectibleFormValues,
  current: CollectibleFormValues,
  mine: CollectibleFormValues,
): CollectibleFormValues {
  const merged: CollectibleFormValues = { ...current, card_details: { ...current.card_details } };
  mergeFields(merged, ITEM_FIELDS, loaded, current, mine);

  merged.external_ids = same(rowsToExternalIds(loaded.external_ids), rowsToExternalIds(mine.external_ids))
    ? current.external_ids
    : mine.external_ids;

  if (loaded.hasCardDetails && current.hasCardDetails && mine.hasCardDetails) {
    mergeFields(merged.card_details, CARD_FIELDS, loaded.card_details, current.card_details, mine.card_details);
  } else if (!same(cardBlock(loaded), cardBlock(mine))) {
    merged.hasCardDetails = mine.hasCardDetails;
    merged.card_details = { ...mine.card_details };
  }
  return merged;
}
