/** The rules of the quick stock adjustment: a signed whole number, never zero, and a reason. */
import { movementReasonEnumValues } from "@/api/generated/schema";
import { limitsOf } from "@/api/limits";
import type { MovementReason } from "@/api/types";

const MAX_DELTA = limitsOf("StockAdjustmentRequest", "delta").maximum ?? Number.MAX_SAFE_INTEGER;
/** The note's length limit, when the contract sets one. */
export const NOTE_MAX_LENGTH = limitsOf("StockAdjustmentRequest", "note").maxLength;

/** `import` is written by imports only; people pick one of the others. */
export const MANUAL_REASONS = movementReasonEnumValues.filter((reason) => reason !== "import");

export type ParsedDelta = { delta: number; error?: undefined } | { delta?: undefined; error: string };

export function parseDelta(text: string): ParsedDelta {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) return { error: "Enter a whole number: negative removes stock, positive adds it." };
  const delta = Number(trimmed);
  if (delta === 0) return { error: "Enter a change other than 0." };
  if (Math.abs(delta) > MAX_DELTA) return { error: "That change is too large." };
  return { delta };
}

/** The − and + buttons: one step down or up, jumping over 0 (a change of 0 is no change). */
export function stepDelta(text: string, step: 1 | -1): string {
  const { delta } = parseDelta(text);
  const next = (delta ?? 0) + step;
  return String(next === 0 ? next + step : next);
}

/** Until the user picks one: a removal is a sale, an addition a purchase. */
export function defaultReason(delta: number | undefined): MovementReason {
  return delta !== undefined && delta > 0 ? "purchase" : "sale";
}

/** The submit button says what it will do: "Remove 2", "Add 1". */
export function adjustmentLabel(delta: number | undefined): string {
  if (delta === undefined) return "Adjust stock";
  return delta < 0 ? `Remove ${-delta}` : `Add ${delta}`;
}

export function formatDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : String(delta);
}
