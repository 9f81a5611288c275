import { act, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { flashShown } from "@/store/uiSlice";
import { renderRoute } from "@/test/render";

import { FlashMessage } from "./FlashMessage";

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("flash message", () => {
  it("lets a confirmation go after a few seconds", () => {
    const { store } = renderRoute(<FlashMessage />);
    act(() => {
      store.dispatch(flashShown("Deleted 2 items."));
    });
    expect(screen.getByRole("status")).toHaveTextContent("Deleted 2 items.");
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });

  it("keeps a failure until it is dismissed", async () => {
    const { store, user } = renderRoute(<FlashMessage />);
    act(() => {
      store.dispatch(flashShown("Import #12 was not committed: locked.", "error"));
    });
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(screen.getByRole("status")).toHaveTextContent("Import #12 was not committed: locked.");
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });
});
