/** TanStack Query options and mutations for import batches. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";

import {
  type ImportRowsQuery,
  type ImportUpload,
  commitImport,
  discardImport,
  getImport,
  listImportRows,
  listImports,
  rollbackImport,
  uploadImport,
} from "@/api/imports";
import type { ImportBatchRecord } from "@/api/schemas";
import { collectibleKeys, importKeys } from "@/lib/queryKeys";

export const BATCHES_PAGE_SIZE = 10;

export const importListOptions = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: importKeys.list(page, pageSize),
    queryFn: ({ signal }) => listImports({ page, page_size: pageSize }, signal),
    placeholderData: keepPreviousData,
  });

export const importDetailOptions = (id: number) =>
  queryOptions({ queryKey: importKeys.detail(id), queryFn: ({ signal }) => getImport(id, signal) });

export const importRowsOptions = (id: number, query: ImportRowsQuery) =>
  queryOptions({
    queryKey: importKeys.rows(id, query),
    queryFn: ({ signal }) => listImportRows(id, query, signal),
    placeholderData: keepPreviousData,
  });

/** After a batch changed state: its own copy, the batch list, and (for commit and rollback) the inventory. */
function useAfterBatchChange() {
  const queryClient = useQueryClient();
  return async (batch: ImportBatchRecord, { inventory }: { inventory: boolean }) => {
    queryClient.setQueryData(importKeys.detail(batch.id), batch);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: importKeys.lists() }),
      inventory ? queryClient.invalidateQueries({ queryKey: collectibleKeys.all }) : undefined,
    ]);
  };
}

export function useUploadImport() {
  const afterChange = useAfterBatchChange();
  return useMutation({
    mutationFn: (upload: ImportUpload) => uploadImport(upload),
    onSuccess: (batch) => afterChange(batch, { inventory: false }),
  });
}

/**
 * The commit is one long request. Its mutation key lets the batch's page show
 * it running after the user went elsewhere and came back; the callbacks here
 * (not the ones passed to `mutate`) run even when that page is gone.
 */
export function useCommitImport(id: number) {
  const afterChange = useAfterBatchChange();
  return useMutation({
    mutationKey: importKeys.commit(id),
    mutationFn: () => commitImport(id),
    onSuccess: (batch) => afterChange(batch, { inventory: true }),
  });
}

export function useRollbackImport(id: number) {
  const afterChange = useAfterBatchChange();
  return useMutation({
    mutationFn: () => rollbackImport(id),
    onSuccess: (batch) => afterChange(batch, { inventory: true }),
  });
}

export function useDiscardImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => discardImport(id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: importKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: importKeys.lists() });
    },
  });
}
