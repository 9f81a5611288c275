/**
 * TanStack Query keys, in one place: the queries and every mutation that
 * invalidates them (in any feature: an import commit refreshes the collectibles)
 * agree on them. An item's movements and history sit under its detail key, so
 * invalidating the detail refreshes all three.
 */
import type { ImportRowsQuery } from "@/api/imports";
import type { CollectibleListQuery } from "@/api/types";

export const collectibleKeys = {
  all: ["collectibles"] as const,
  lists: () => [...collectibleKeys.all, "list"] as const,
  list: (query: CollectibleListQuery) => [...collectibleKeys.lists(), query] as const,
  detail: (id: number) => [...collectibleKeys.all, "detail", id] as const,
  movements: (id: number) => [...collectibleKeys.detail(id), "movements"] as const,
  history: (id: number) => [...collectibleKeys.detail(id), "history"] as const,
};

export const importKeys = {
  all: ["imports"] as const,
  lists: () => [...importKeys.all, "list"] as const,
  list: (page: number, pageSize: number) => [...importKeys.lists(), { page, pageSize }] as const,
  detail: (id: number) => [...importKeys.all, "detail", id] as const,
  rows: (id: number, query: ImportRowsQuery) => [...importKeys.detail(id), "rows", query] as const,
  /** Mutation key of a batch's commit, so its page shows it running even after navigating away and back. */
  commit: (id: number) => [...importKeys.detail(id), "commit"] as const,
};

export const dashboardKeys = {
  all: ["dashboard"] as const,
};

export const staffKeys = {
  all: ["staff"] as const,
  list: () => [...staffKeys.all, "list"] as const,
  history: () => [...staffKeys.all, "history"] as const,
  shop: () => ["shop"] as const,
};
