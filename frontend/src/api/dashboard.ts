/** The home dashboard: the shop at a glance (GET /dashboard/). */
import { z } from "@/lib/zod";

import { conditionEnumValues, gameEnumValues } from "./generated/schema";
import { getParsed } from "./parsed";

const holdingSchema = z.object({
  game: z.enum([...gameEnumValues, "other"]),
  currency: z.string(),
  items: z.number().int(),
  units: z.number().int(),
  value: z.string(),
});

const lowStockItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  quantity: z.number().int(),
  condition: z.enum(conditionEnumValues),
  set_name: z.string(),
  card_number: z.string(),
});

const activitySchema = z.object({
  id: z.string(),
  at: z.string(),
  label: z.string(),
  user: z.object({ id: z.number().int(), username: z.string() }).nullable(),
  items: z.number().int(),
  collectible: z.object({ id: z.number().int(), name: z.string(), deleted: z.boolean() }).nullable(),
  import_batch: z.number().int().nullable(),
});

const lastImportSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  format: z.string(),
  status: z.string(),
  total_rows: z.number().int(),
  create_count: z.number().int(),
  update_count: z.number().int(),
  error_count: z.number().int(),
  created_at: z.string(),
});

export const dashboardSchema = z.object({
  holdings: z.array(holdingSchema),
  low_stock: z.object({
    at_most: z.number().int(),
    count: z.number().int(),
    items: z.array(lowStockItemSchema),
    sold_out: z.number().int(),
  }),
  activity: z.array(activitySchema),
  last_import: lastImportSchema.nullable(),
});

export type Dashboard = z.output<typeof dashboardSchema>;
export type Holding = Dashboard["holdings"][number];
export type Activity = Dashboard["activity"][number];

export function getDashboard(signal?: AbortSignal): Promise<Dashboard> {
  return getParsed(dashboardSchema, "/dashboard/", { signal });
}
