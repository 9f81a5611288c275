import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import {
  type Selection,
  bulkTarget,
  isSelected,
  noSelection,
  pageSelection,
  selectedCount,
  selectionReducer,
  useBulkSelection,
} from "./bulkSelection";

const page = [1, 2, 3];
const run = (...actions: Parameters<typeof selectionReducer>[1][]): Selection => actions.reduce(selectionReducer, noSelection);

describe("bulk selection", () => {
  it("ticks and unticks single rows", () => {
    const selection = run({ type: "toggle", id: 2, pageIds: page }, { type: "toggle", id: 3, pageIds: page });
    expect(selection).toEqual({ mode: "ids", ids: [2, 3] });
    expect(pageSelection(selection, page)).toBe("some");
    expect(run({ type: "toggle", id: 2, pageIds: page }, { type: "toggle", id: 2, pageIds: page })).toEqual(noSelection);
  });

  it("ticks the whole page, and unticks it when it is all ticked", () => {
    const selection = run({ type: "toggle", id: 2, pageIds: page }, { type: "togglePage", pageIds: page });
    expect(selection).toEqual({ mode: "ids", ids: [2, 1, 3] });
    expect(pageSelection(selection, page)).toBe("all");
    expect(selectionReducer(selection, { type: "togglePage", pageIds: page })).toEqual(noSelection);
  });

  it("targets ids, or every match through the filters", () => {
    const ids = run({ type: "togglePage", pageIds: page });
    expect(bulkTarget(ids, { language: "JA" })).toEqual({ ids: [1, 2, 3] });
    expect(selectedCount(ids, 120)).toBe(3);

    const all = selectionReducer(ids, { type: "selectAllMatching" });
    expect(bulkTarget(all, { language: "JA" })).toEqual({ filters: { language: "JA" } });
    expect(selectedCount(all, 120)).toBe(120);
    expect(isSelected(all, 99)).toBe(true);
    expect(pageSelection(all, page)).toBe("all");
  });

  it("turns 'all matching' minus one row back into the page's ids", () => {
    const selection = run({ type: "selectAllMatching" }, { type: "toggle", id: 2, pageIds: page });
    expect(selection).toEqual({ mode: "ids", ids: [1, 3] });
  });

  it("drops rows that are gone from a ticked selection, not from 'all matching'", () => {
    const selection = run({ type: "togglePage", pageIds: page }, { type: "drop", ids: [2, 7] });
    expect(selection).toEqual({ mode: "ids", ids: [1, 3] });
    expect(run({ type: "selectAllMatching" }, { type: "drop", ids: [2] })).toEqual({ mode: "all" });
  });

  it("belongs to one view of the list: another view starts empty", () => {
    const { result, rerender } = renderHook(({ view }) => useBulkSelection(view), { initialProps: { view: "?game=mtg" } });
    act(() => result.current[1]({ type: "selectAllMatching" }));
    expect(result.current[0]).toEqual({ mode: "all" });
    rerender({ view: "?game=mtg&page=2" });
    expect(result.current[0]).toEqual(noSelection);
    act(() => result.current[1]({ type: "toggle", id: 5, pageIds: [5] }));
    expect(result.current[0]).toEqual({ mode: "ids", ids: [5] });
  });
});
