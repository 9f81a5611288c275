/**
 * Which rows a bulk edit acts on. Either ids (rows ticked one by one, or the
 * whole page), or "all matching": every item the current filters match, on
 * every page — sent to the API as `filters`, never as a list of ids the screen
 * has not even loaded.
 *
 * A selection belongs to one view of the list (filters, page, sort): changing
 * the view drops it, so an action never reaches rows the user cannot see named.
 */
import { useCallback, useState } from "react";

import type { BulkRequest } from "@/api/types";

export type Selection = { mode: "ids"; ids: number[] } | { mode: "all" };

export const noSelection: Selection = { mode: "ids", ids: [] };

export type SelectionAction =
  /** Tick or untick one row; `pageIds` are the rows on screen (unticking one of "all matching" keeps the rest of the page). */
  | { type: "toggle"; id: number; pageIds: number[] }
  /** The header checkbox: tick the whole page, or untick it when it is all ticked. */
  | { type: "togglePage"; pageIds: number[] }
  | { type: "selectAllMatching" }
  /** Untick rows that are gone (deleted meanwhile); "all matching" follows the filters, so it stays. */
  | { type: "drop"; ids: number[] }
  | { type: "clear" };

export function isSelected(selection: Selection, id: number): boolean {
  return selection.mode === "all" || selection.ids.includes(id);
}

export function pageSelection(selection: Selection, pageIds: number[]): "all" | "some" | "none" {
  const ticked = pageIds.filter((id) => isSelected(selection, id)).length;
  if (pageIds.length > 0 && ticked === pageIds.length) return "all";
  return ticked > 0 ? "some" : "none";
}

export function selectionReducer(selection: Selection, action: SelectionAction): Selection {
  switch (action.type) {
    case "toggle": {
      const ids = selection.mode === "all" ? action.pageIds : selection.ids;
      return { mode: "ids", ids: ids.includes(action.id) ? ids.filter((id) => id !== action.id) : [...ids, action.id] };
    }
    case "togglePage":
      if (pageSelection(selection, action.pageIds) === "all") return noSelection;
      return { mode: "ids", ids: [...new Set([...(selection.mode === "ids" ? selection.ids : []), ...action.pageIds])] };
    case "selectAllMatching":
      return { mode: "all" };
    case "drop":
      return selection.mode === "all" ? selection : { mode: "ids", ids: selection.ids.filter((id) => !action.ids.includes(id)) };
    case "clear":
      return noSelection;
  }
}

/** How many rows the action will change: the ticked ones, or every match. */
export function selectedCount(selection: Selection, matching: number): number {
  return selection.mode === "all" ? matching : selection.ids.length;
}

/** The part of the bulk request that says which items. */
export function bulkTarget(selection: Selection, filters: Record<string, string>): Pick<BulkRequest, "ids" | "filters"> {
  return selection.mode === "all" ? { filters } : { ids: selection.ids };
}

/** The selection of the list view `view` (its query string): a new view starts with none. */
export function useBulkSelection(view: string) {
  const [state, setState] = useState<{ view: string; selection: Selection }>({ view, selection: noSelection });
  const selection = state.view === view ? state.selection : noSelection;
  const dispatch = useCallback(
    (action: SelectionAction) =>
      setState((previous) => ({
        view,
        selection: selectionReducer(previous.view === view ? previous.selection : noSelection, action),
      })),
    [view],
  );
  return [selection, dispatch] as const;
}
