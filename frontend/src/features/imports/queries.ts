/** TanStack Query options and mutations for import batches. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

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
import { ApiError } from "@/api/errors";
import type { ImportBatchRecord } from "@/api/schemas";
import { collectibleKeys, importKeys } from "@/lib/queryKeys";
import { useAppDispatch } from "@/store/hooks";
import { flashShown } from "@/store/uiSlice";

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

/**
 * After a commit or rollback failed. It may have happened anyway (the answer
 * timed out, the connection dropped), so the batch, the list and the inventory
 * are asked for again rather than trusted. If the screen that started it is
 * gone, a flash says it failed; else that screen shows the refusal itself.
 */
function useAfterBatchFailure(id: number, verb: "committed" | "rolled back") {
  const queryClient = useQueryClient();
  const dispatch = useAppDispatch();
  // The mutation's own callbacks outlive the component; this says whether it is still on screen.
  const onScreen = useRef(false);
  useEffect(() => {
    onScreen.current = true;
    return () => {
      onScreen.current = false;
    };
  }, []);
  return (error: Error) => {
    if (!onScreen.current) {
      const answered = error instanceof ApiError && error.status !== undefined;
      dispatch(
        flashShown(
          answered
            ? `Import #${id} was not ${verb}: ${error.message}`
            : `Import #${id} got no answer from the server; open it to see whether it was ${verb}.`,
          "error",
        ),
      );
    }
    // Not awaited: the refusal shows at once, the batch's real state when it arrives.
    void Promise.all([
      queryClient.invalidateQueries({ queryKey: importKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: importKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: collectibleKeys.all }),
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
  const afterFailure = useAfterBatchFailure(id, "committed");
  return useMutation({
    mutationKey: importKeys.commit(id),
    mutationFn: () => commitImport(id),
    onSuccess: (batch) => afterChange(batch, { inventory: true }),
    onError: afterFailure,
  });
}

export function useRollbackImport(id: number) {
  const afterChange = useAfterBatchChange();
  const afterFailure = useAfterBatchFailure(id, "rolled back");
  return useMutation({
    mutationFn: () => rollbackImport(id),
    onSuccess: (batch) => afterChange(batch, { inventory: true }),
    onError: afterFailure,
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
