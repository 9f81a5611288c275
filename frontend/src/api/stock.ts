/** A collectible's stock movements and change history, and the atomic stock adjustment. */
import { getParsed, postParsed } from "./parsed";
import {
  type StockMovementRecord,
  historyPageSchema,
  refusal,
  stockConflictSchema,
  stockMovementPageSchema,
  stockMovementSchema,
} from "./schemas";
import type { StockAdjustmentRequest, StockConflict } from "./types";

export interface PageQuery {
  page: number;
  page_size?: number;
}

export function listMovements(id: number, query: PageQuery, signal?: AbortSignal) {
  return getParsed(stockMovementPageSchema, `/collectibles/${id}/movements/`, { params: query, signal });
}

export function listHistory(id: number, query: PageQuery, signal?: AbortSignal) {
  return getParsed(historyPageSchema, `/collectibles/${id}/history/`, { params: query, signal });
}

/** Change the quantity by `delta` in one database statement; returns the movement written. */
export function adjustStock(id: number, body: StockAdjustmentRequest): Promise<StockMovementRecord> {
  return postParsed(stockMovementSchema, `/collectibles/${id}/adjust/`, body);
}

/** The API's "not enough stock" refusal (409) with the quantity in stock now. */
export function stockShortage(error: unknown): StockConflict | null {
  return refusal(error, 409, stockConflictSchema);
}
