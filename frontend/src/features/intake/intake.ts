/** Intake: a catalog printing, plus what the person at the desk says about the copy, becomes a new item. */
import type { Printing } from "@/api/catalog";
import type { CollectibleRequest, Condition, Finish, Language, MarketRegion } from "@/api/types";

/** The market a printing in this language was most likely made for (the staff can edit the item later). */
export function marketRegionFor(language: Language): MarketRegion {
  switch (language) {
    case "EN":
      return "NA";
    case "JA":
      return "JP";
    case "KO":
      return "KR";
    case "ZH":
      return "CN";
    default:
      return "EU";
  }
}

export interface CopyDetails {
  condition: Condition;
  finish: Finish;
  quantity: number;
  price: string;
  currency: string;
}

/** The create request for one copy of `printing`: everything the catalog knows, plus the copy's details. */
export function intakeRequest(printing: Printing, copy: CopyDetails): CollectibleRequest {
  return {
    name: printing.name,
    sku: "",
    condition: copy.condition,
    quantity: copy.quantity,
    price: copy.price,
    currency: copy.currency,
    release_date: printing.release_date,
    external_ids: printing.external_ids,
    card_details: {
      game: printing.game,
      set_name: printing.set.name,
      set_code: printing.set.code,
      card_number: printing.collector_number,
      rarity: printing.rarity,
      language: printing.language,
      market_region: marketRegionFor(printing.language),
      finish: copy.finish,
    },
  };
}

/** The finish a new copy starts with: the printing's first (most printings have one, `normal`). */
export const defaultFinish = (printing: Printing): Finish => printing.finishes[0] ?? "normal";

/** Shortcut letters for conditions (Alt + letter) in the copy form. */
export const CONDITION_KEYS: Record<string, Condition> = { m: "M", n: "NM", l: "LP", p: "MP", h: "HP", d: "DMG" };
