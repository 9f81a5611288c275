import { useSyncExternalStore } from "react";

/** Below Tailwind's `sm` breakpoint (640 px): a phone held upright. */
export const NARROW_SCREEN = "(max-width: 639.98px)";

/**
 * Whether a CSS media query matches now, re-rendering when that changes. For
 * layouts that differ in structure, not only in style (a card list instead of a
 * table, filters in a sheet): rendering both and hiding one with CSS would put
 * every control in the page twice. Without `matchMedia` (jsdom) it is false.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== "function") return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => typeof window.matchMedia === "function" && window.matchMedia(query).matches,
    () => false,
  );
}

export const useIsNarrowScreen = () => useMediaQuery(NARROW_SCREEN);
