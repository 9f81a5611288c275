/** Import batches: upload (preview), inspect rows, commit, roll back, discard. */
import { env } from "@/config/env";

import { http } from "./http";
import { getParsed, postParsed } from "./parsed";
import {
  type ImportBatchRecord,
  type ImportConflictItem,
  importBatchPageSchema,
  importBatchSchema,
  importConflictSchema,
  importRowPageSchema,
  refusal,
} from "./schemas";
import type { Game, ImportFormat, ImportMode, ImportOutcome } from "./types";

export interface ImportUpload {
  file: File;
  /** Force a format instead of letting the API detect it from the header row. */
  format?: ImportFormat | undefined;
  mode: ImportMode;
  /** The game for rows whose format does not say. */
  game?: Game | undefined;
}

// Upload, commit and rollback do work proportional to the file: minutes for the largest.
const long = { timeout: env.longRequestTimeoutMs };

export function uploadImport({ file, format, mode, game }: ImportUpload): Promise<ImportBatchRecord> {
  const form = new FormData();
  form.append("file", file);
  form.append("mode", mode);
  if (format) form.append("format", format);
  if (game) form.append("game", game);
  // The instance defaults to JSON; this makes Axios send the FormData as it is,
  // and the browser adds the multipart boundary.
  return postParsed(importBatchSchema, "/imports/", form, { ...long, headers: { "Content-Type": "multipart/form-data" } });
}

export function listImports(query: { page: number; page_size?: number }, signal?: AbortSignal) {
  return getParsed(importBatchPageSchema, "/imports/", { params: query, signal });
}

export function getImport(id: number, signal?: AbortSignal): Promise<ImportBatchRecord> {
  return getParsed(importBatchSchema, `/imports/${id}/`, { signal });
}

export interface ImportRowsQuery {
  outcome?: ImportOutcome | undefined;
  page: number;
  page_size?: number;
}

export function listImportRows(id: number, query: ImportRowsQuery, signal?: AbortSignal) {
  return getParsed(importRowPageSchema, `/imports/${id}/rows/`, { params: query, signal });
}

export function commitImport(id: number): Promise<ImportBatchRecord> {
  return postParsed(importBatchSchema, `/imports/${id}/commit/`, undefined, long);
}

export function rollbackImport(id: number): Promise<ImportBatchRecord> {
  return postParsed(importBatchSchema, `/imports/${id}/rollback/`, undefined, long);
}

export async function discardImport(id: number): Promise<void> {
  await http.delete(`/imports/${id}/`);
}

/** The lines a commit, rollback or discard was refused for (409), with the reason for each. */
export function importConflicts(error: unknown): ImportConflictItem[] | null {
  return refusal(error, 409, importConflictSchema)?.items ?? null;
}
