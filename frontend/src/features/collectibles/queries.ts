/**
 * TanStack Query options and mutations for collectibles. The query keys live
 * here only, so the queries and the mutations that invalidate them agree.
 */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import {
  createCollectible,
  deleteCollectible,
  getCollectible,
  listCollectibles,
  updateCollectible,
} from "@/api/collectibles";
import type { CollectibleRecord } from "@/api/schemas";
import type { CollectibleListQuery, CollectibleRequest } from "@/api/types";

export const collectibleKeys = {
  all: ["collectibles"] as const,
  lists: () => [...collectibleKeys.all, "list"] as const,
  list: (query: CollectibleListQuery) => [...collectibleKeys.lists(), query] as const,
  detail: (id: number) => [...collectibleKeys.all, "detail", id] as const,
};

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

function useAfterWrite() {
  const queryClient = useQueryClient();
  return (saved: CollectibleRecord) => {
    queryClient.setQueryData(collectibleKeys.detail(saved.id), saved);
    return queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() });
  };
}

export function useSaveCollectible(id: number | undefined) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (body: CollectibleRequest) => (id === undefined ? createCollectible(body) : updateCollectible(id, body)),
    onSuccess: afterWrite,
  });
}

export function useDeleteCollectible(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteCollectible(id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: collectibleKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() });
    },
  });
}
