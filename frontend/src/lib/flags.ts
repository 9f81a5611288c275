/**
 * Feature flags: server state, the `flags` of `/auth/me/` (django-waffle on the
 * server, switched per vendor or per user in the admin). A flag not listed is
 * off, and the SPA hides what it guards — while the answer loads, too.
 * Rolling one out: docs/observability.md#feature-flags.
 */
import { useCallback } from "react";

import type { MeRecord } from "@/api/schemas";
import { useMe } from "@/lib/session";

/** The flags the SPA reads; each names a change being rolled out. */
export type FlagName =
  /** The inventory list's price range filters (features/collectibles/filterTable.ts). */
  "price-filters";

export function flagIsOn(me: Pick<MeRecord, "flags"> | undefined, name: FlagName): boolean {
  return me?.flags.includes(name) ?? false;
}

export function useFlag(name: FlagName): boolean {
  return flagIsOn(useMe().data, name);
}

/** For a component that checks several flags (one per row of a table, say). */
export function useFlags(): (name: FlagName) => boolean {
  const me = useMe().data;
  return useCallback((name: FlagName) => flagIsOn(me, name), [me]);
}
