import type { MeRecord } from "@/api/schemas";
import type { Collectible, HistoryEntry, ImportBatch, ImportRow, StockMovement } from "@/api/types";

export function collectible(overrides: Partial<Collectible> = {}): Collectible {
  return {
    id: 1,
    vendor: 1,
    user: 1,
    name: "Charizard",
    description: "",
    sku: "",
    condition: "NM",
    quantity: 2,
    price: "249.99",
    currency: "USD",
    release_date: "1999-01-09",
    external_ids: { tcgplayer: "83712", cardmarket: 273699 },
    image: null,
    card_details: {
      game: "pokemon",
      set_name: "Base Set",
      set_code: "BS",
      card_number: "4",
      rarity: "Holo Rare",
      language: "EN",
      market_region: "NA",
      finish: "holo",
      grading_company: null,
      grade: null,
    },
    version: 1,
    created_at: "2026-01-02T10:00:00Z",
    updated_at: "2026-01-03T10:00:00Z",
    ...overrides,
  };
}

export function page(results: Collectible[], count = results.length) {
  return { count, next: null, previous: null, results };
}

export function me(role: NonNullable<MeRecord["role"]> = "owner", flags: string[] = ["price-filters"]): MeRecord {
  return {
    id: 7,
    username: `pallet-${role}`,
    email: `pallet-${role}@example.com`,
    role,
    vendor: { id: 1, name: "Pallet Town Cards", slug: "pallet-town-cards", currency: "USD" },
    flags,
  };
}

export function movement(overrides: Partial<StockMovement> = {}): StockMovement {
  return {
    id: 1,
    collectible: 5,
    delta: 2,
    quantity_after: 2,
    reason: "correction",
    note: "Opening stock",
    user: { id: 7, username: "pallet-owner" },
    import_batch: null,
    created_at: "2026-01-02T10:00:00Z",
    ...overrides,
  };
}

export function historyEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: "op-1",
    at: "2026-01-03T10:00:00Z",
    user: { id: 8, username: "pallet-editor" },
    action: "updated",
    label: "Updated",
    changes: [{ field: "price", old: "200.00", new: "249.99" }],
    ...overrides,
  };
}

export function paged<T>(results: T[], { count = results.length, next = null }: { count?: number; next?: string | null } = {}) {
  return { count, next, previous: null, results };
}

export function importBatch(overrides: Partial<ImportBatch> = {}): ImportBatch {
  return {
    id: 12,
    filename: "tcgplayer.csv",
    format: "tcgplayer",
    encoding: "utf-8",
    mode: "set",
    status: "preview",
    total_rows: 5,
    counts: { create: 3, update: 1, unchanged: 0, error: 1 },
    created_by: { id: 7, username: "pallet-editor" },
    created_at: "2026-01-04T10:00:00Z",
    committed_by: null,
    committed_at: null,
    rolled_back_by: null,
    rolled_back_at: null,
    ...overrides,
  };
}

export function importRow(overrides: Partial<ImportRow> = {}): ImportRow {
  return {
    id: 1,
    line: 2,
    outcome: "create",
    errors: {},
    changes: {},
    data: {
      fields: { name: "Charizard", quantity: 2, price: "449.99", currency: "USD", condition: "NM" },
      card_details: { set_name: "Base Set", set_code: "BS", card_number: "4/102" },
    },
    raw: { "Product Name": "Charizard" },
    collectible: null,
    ...overrides,
  };
}
