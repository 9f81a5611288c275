/** Typed wrappers for /collectibles/: list, detail, create, replace, delete. */
import { http } from "./http";
import { type CollectiblePage, type CollectibleRecord, collectiblePageSchema, collectibleSchema, parseResponse } from "./schemas";
import type { CollectibleListQuery, CollectibleRequest } from "./types";

/** Query parameters as the API reads them: `ordering` comma-separated, not repeated (Axios drops undefined). */
function listParams({ ordering, ...rest }: CollectibleListQuery) {
  return { ...rest, ordering: ordering?.length ? ordering.join(",") : undefined };
}

export async function listCollectibles(query: CollectibleListQuery, signal?: AbortSignal): Promise<CollectiblePage> {
  const { data } = await http.get<unknown>("/collectibles/", { params: listParams(query), signal });
  return parseResponse(collectiblePageSchema, data);
}

export async function getCollectible(id: number, signal?: AbortSignal): Promise<CollectibleRecord> {
  const { data } = await http.get<unknown>(`/collectibles/${id}/`, { signal });
  return parseResponse(collectibleSchema, data);
}

export async function createCollectible(body: CollectibleRequest): Promise<CollectibleRecord> {
  const { data } = await http.post<unknown>("/collectibles/", body);
  return parseResponse(collectibleSchema, data);
}

/** PUT: replaces the collectible; `card_details: null` removes its card details. */
export async function updateCollectible(id: number, body: CollectibleRequest): Promise<CollectibleRecord> {
  const { data } = await http.put<unknown>(`/collectibles/${id}/`, body);
  return parseResponse(collectibleSchema, data);
}

export async function deleteCollectible(id: number): Promise<void> {
  await http.delete(`/collectibles/${id}/`);
}
