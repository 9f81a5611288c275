/** Requests whose answer is checked against a zod schema before anyone uses it. */
import type { AxiosRequestConfig } from "axios";
import type { z } from "zod";

import { http } from "./http";
import { parseResponse } from "./schemas";

export async function getParsed<S extends z.ZodType>(schema: S, url: string, config?: AxiosRequestConfig): Promise<z.output<S>> {
  const { data } = await http.get<unknown>(url, config);
  return parseResponse(schema, data);
}

export async function postParsed<S extends z.ZodType>(
  schema: S,
  url: string,
  body?: unknown,
  config?: AxiosRequestConfig,
): Promise<z.output<S>> {
  const { data } = await http.post<unknown>(url, body, config);
  return parseResponse(schema, data);
}

/** `If-Match` for the version of a collectible the user saw: a stale one is refused with 412. */
export const ifMatch = (version: number) => ({ "If-Match": `"${version}"` });
