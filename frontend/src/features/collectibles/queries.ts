/**
 * TanStack Query options and mutations for collectibles, their stock movements
 * and their history. The keys live in lib/queryKeys.ts, shared with the
 * mutations of other features that change collectibles (imports).
 */
import { infiniteQueryOptions, keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import {
  bulkEditCollectibles,
  createCollectible,
  deleteCollectible,
  exportCollectibles,
  getCollectible,
  listCollectibles,
  staleVersion,
  updateCollectible,
} from "@/api/collectibles";
import type { CollectibleRecord } from "@/api/schemas";
import { adjustStock, listHistory, listMovements } from "@/api/stock";
import type { BulkRequest, CollectibleListQuery, CollectibleRequest, ExportFormat, StockAdjustmentRequest } from "@/api/types";
import { saveFile } from "@/lib/download";
import { collectibleKeys } from "@/lib/queryKeys";

export const collectibleListOptions = (query: CollectibleListQuery) =>
  queryOptions({
    queryKey: collectibleKeys.list(query),
    queryFn: ({ signal }) => listCollectibles(query, signal),
    // The page on screen stays while the next one loads.
    placeholderData: keepPreviousData,
  });

export const collectibleDetailOptions = (id: number) =>
  queryOptions({
    queryKey: collectibleKeys.detail(id),
    queryFn: ({ signal }) => getCollectible(id, signal),
  });

/** Movements and history are read newest first, a page at a time ("Load more"). */
export const LEDGER_PAGE_SIZE = 20;

const nextPage = (last: { next: string | null }, pages: unknown[]) => (last.next ? pages.length + 1 : undefined);

export const movementsOptions = (id: number) =>
  infiniteQueryOptions({
    queryKey: collectibleKeys.movements(id),
    queryFn: ({ pageParam, signal }) => listMovements(id, { page: pageParam, page_size: LEDGER_PAGE_SIZE }, signal),
    initialPageParam: 1,
    getNextPageParam: nextPage,
  });

export const historyOptions = (id: number) =>
  infiniteQueryOptions({
    queryKey: collectibleKeys.history(id),
    queryFn: ({ pageParam, signal }) => listHistory(id, { page: pageParam, page_size: LEDGER_PAGE_SIZE }, signal),
    initialPageParam: 1,
    getNextPageParam: nextPage,
  });

export interface SaveInput {
  body: CollectibleRequest;
  /** For an edit: the version the user edited, sent as If-Match. */
  version?: number;
}

export function useSaveCollectible(id: number | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: SaveInput) => {
      if (id === undefined) return createCollectible(body);
      if (version === undefined) throw new Error("An edit is sent with the version it was made on.");
      return updateCollectible(id, body, version);
    },
    onError: (error) => {
      // Refused as stale: the item's cached copy is out of date too.
      const current = staleVersion(error);
      if (current) queryClient.setQueryData(collectibleKeys.detail(current.id), current);
    },
    onSuccess: async (saved: CollectibleRecord) => {
      queryClient.setQueryData(collectibleKeys.detail(saved.id), saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: collectibleKeys.movements(saved.id) }),
        queryClient.invalidateQueries({ queryKey: collectibleKeys.history(saved.id) }),
      ]);
    },
  });
}

export function useDeleteCollectible(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => deleteCollectible(id, version),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: collectibleKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() });
    },
    onError: (error) => {
      // Changed by someone else meanwhile: show what it is now before anyone confirms again.
      const current = staleVersion(error);
      if (current) queryClient.setQueryData(collectibleKeys.detail(id), current);
    },
  });
}

export function useAdjustStock(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StockAdjustmentRequest) => adjustStock(id, body),
    // Refused or not, the quantity on screen may be out of date: refresh the
    // item (with its movements and history) and the lists that show it.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: collectibleKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() }),
      ]),
  });
}

export function useBulkEdit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkRequest) => bulkEditCollectibles(body),
    // Refused or not, the list may be out of date: a 400 naming ids `not_found`
    // means rows on screen were deleted meanwhile.
    onSettled: () => queryClient.invalidateQueries({ queryKey: collectibleKeys.all }),
  });
}

export function useExportCollectibles() {
  return useMutation({
    mutationFn: async ({ params, format }: { params: Record<string, string>; format: ExportFormat }) => {
      const file = await exportCollectibles(params, format);
      saveFile(file.blob, file.filename);
      return file;
    },
  });
}
