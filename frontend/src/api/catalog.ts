/** The shared card catalog (read-only): find a printing by name, set code + number, or id. */
import { z } from "@/lib/zod";

import { finishEnumValues, gameEnumValues, languageEnumValues } from "./generated/schema";
import { getParsed } from "./parsed";
import type { PrintingListQuery } from "./types";

export const printingSchema = z.object({
  id: z.number().int(),
  game: z.enum(gameEnumValues),
  set: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  collector_number: z.string(),
  name: z.string(),
  language: z.enum(languageEnumValues),
  rarity: z.string(),
  finishes: z.array(z.enum(finishEnumValues)),
  release_date: z.string().nullable(),
  image_url: z.string(),
  external_ids: z.record(z.string(), z.string()),
});

const printingPageSchema = z.object({ count: z.number().int(), results: z.array(printingSchema) });

export type Printing = z.output<typeof printingSchema>;

export function searchPrintings(query: PrintingListQuery, signal?: AbortSignal) {
  return getParsed(printingPageSchema, "/catalog/printings/", { params: query, signal });
}
