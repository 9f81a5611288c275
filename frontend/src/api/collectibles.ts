/** Typed wrappers for /collectibles/: list, detail, create, replace, delete, bulk edit, export. */
import { isAxiosError } from "axios";

import { env } from "@/config/env";

import { ApiError, normalizeError } from "./errors";
import { http } from "./http";
import { getParsed, ifMatch, postParsed } from "./parsed";
import {
  type CollectiblePage,
  type CollectibleRecord,
  bulkRejectedSchema,
  bulkResultSchema,
  collectiblePageSchema,
  collectibleSchema,
  parseResponse,
  preconditionFailedSchema,
  refusal,
} from "./schemas";
import type { BulkItemResult, BulkRequest, BulkResult, CollectibleListQuery, CollectibleRequest, ExportFormat } from "./types";

/** Query parameters as the API reads them: `ordering` comma-separated, not repeated (Axios drops undefined). */
function listParams({ ordering, ...rest }: CollectibleListQuery) {
  return { ...rest, ordering: ordering?.length ? ordering.join(",") : undefined };
}

export function listCollectibles(query: CollectibleListQuery, signal?: AbortSignal): Promise<CollectiblePage> {
  return getParsed(collectiblePageSchema, "/collectibles/", { params: listParams(query), signal });
}

export function getCollectible(id: number, signal?: AbortSignal): Promise<CollectibleRecord> {
  return getParsed(collectibleSchema, `/collectibles/${id}/`, { signal });
}

export function createCollectible(body: CollectibleRequest): Promise<CollectibleRecord> {
  return postParsed(collectibleSchema, "/collectibles/", body);
}

/**
 * PUT: replaces the collectible; `card_details: null` removes its card details.
 * `version` is the one the user edited: if the item changed since, the API
 * refuses with 412 (see `staleVersion`) instead of overwriting.
 */
export async function updateCollectible(id: number, body: CollectibleRequest, version: number): Promise<CollectibleRecord> {
  const { data } = await http.put<unknown>(`/collectibles/${id}/`, body, { headers: ifMatch(version) });
  return parseResponse(collectibleSchema, data);
}

export async function deleteCollectible(id: number, version: number): Promise<void> {
  await http.delete(`/collectibles/${id}/`, { headers: ifMatch(version) });
}

/** The collectible as it is now, when a write was refused because someone changed it meanwhile (412). */
export function staleVersion(error: unknown): CollectibleRecord | null {
  return refusal(error, 412, preconditionFailedSchema)?.current ?? null;
}

export function bulkEditCollectibles(body: BulkRequest): Promise<BulkResult> {
  return postParsed(bulkResultSchema, "/collectibles/bulk/", body, { timeout: env.longRequestTimeoutMs });
}

/** Per id, `ok` or `not_found`, when a bulk edit was refused because some ids are not the vendor's (400). */
export function bulkRejection(error: unknown): BulkItemResult[] | null {
  return refusal(error, 400, bulkRejectedSchema)?.results ?? null;
}

export interface ExportedFile {
  blob: Blob;
  filename: string;
}

/** The file name the server suggests in `Content-Disposition`, if any. */
export function attachmentFilename(disposition: unknown): string | null {
  if (typeof disposition !== "string") return null;
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}

/** A refusal asked for as a blob has its JSON body in a Blob: read it, so the message is the API's. */
async function readBlobError(error: unknown): Promise<unknown> {
  if (!(error instanceof ApiError) || !isAxiosError(error.raw) || !(error.raw.response?.data instanceof Blob)) return error;
  try {
    error.raw.response.data = JSON.parse(await error.raw.response.data.text()) as unknown;
    return normalizeError(error.raw);
  } catch {
    return error;
  }
}

/**
 * The CSV export of the list with these filters (all pages). It needs the
 * bearer token, so it is fetched through the Axios instance as a blob rather
 * than opened as a link.
 */
export async function exportCollectibles(
  params: Record<string, string>,
  format: ExportFormat,
): Promise<ExportedFile> {
  const response = await http
    .get<Blob>("/collectibles/export/", { params: { ...params, format }, responseType: "blob", timeout: env.longRequestTimeoutMs })
    .catch(async (error: unknown) => {
      throw await readBlobError(error);
    });
  return {
    blob: response.data,
    filename: attachmentFilename(response.headers["content-disposition"]) ?? `omnistock-${format}.csv`,
  };
}
