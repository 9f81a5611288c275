/** Token flows (login, refresh, logout) and the signed-in user (`me`). */
import { env } from "@/config/env";
import { tokenStore } from "@/utils/tokenStore";

import { normalizeError } from "./errors";
import { createJsonClient, http } from "./http";
import type { MeRecord } from "./schemas";
import type { LoginRequest, NewSessionTokens, PasswordChangeRequest, TokenPair, TokenRefresh } from "./types";

// Token endpoints bypass the refreshing instance: a 401 from them means "wrong
// credentials" or "refresh token no longer valid", never "refresh and retry".
const tokenClient = createJsonClient({ baseURL: env.apiBaseUrl, timeout: env.requestTimeoutMs });

async function post<T>(url: string, body: unknown): Promise<T> {
  try {
    return (await tokenClient.post<T>(url, body)).data;
  } catch (error) {
    throw normalizeError(error);
  }
}

export async function login(credentials: LoginRequest): Promise<void> {
  tokenStore.setTokens(await post<TokenPair>("/auth/token/", credentials));
}

/** An invited member's first password (the link's uid and token): they are signed in by it. */
export async function acceptInvitation(invitation: { uid: string; token: string; password: string }): Promise<void> {
  tokenStore.setTokens(await post<TokenPair>("/auth/invitation/", invitation));
}

async function refreshWith(refresh: string): Promise<string> {
  // The API rotates refresh tokens: keep the new one, the old one is now blacklisted.
  const pair = await post<TokenRefresh>("/auth/token/refresh/", { refresh });
  tokenStore.setTokens(pair);
  return pair.access;
}

/**
 * A new access token from the stored refresh token. When another tab rotated
 * the refresh token while ours was in flight, ours is refused as blacklisted:
 * then the one that tab stored is tried once.
 */
export async function refreshSession(): Promise<string> {
  const sent = tokenStore.getRefresh();
  if (!sent) throw new Error("No refresh token stored");
  try {
    return await refreshWith(sent);
  } catch (error) {
    const rotatedElsewhere = tokenStore.getRefresh();
    if (rotatedElsewhere && rotatedElsewhere !== sent) return refreshWith(rotatedElsewhere);
    throw error;
  }
}

/**
 * Change the signed-in user's password. The server ends every session of the
 * user, this one included, and answers a new pair for this tab: store it, or the
 * next refresh would send a blacklisted token.
 */
export async function changePassword(body: PasswordChangeRequest): Promise<void> {
  tokenStore.setTokens((await http.post<NewSessionTokens>("/auth/password/", body)).data);
}

/** Blacklist the refresh token on the server (best effort) and forget both tokens. */
export async function logout(): Promise<void> {
  const refresh = tokenStore.getRefresh();
  tokenStore.clear();
  if (refresh) {
    await post("/auth/logout/", { refresh }).catch(() => undefined);
  }
}

export async function fetchMe(signal?: AbortSignal): Promise<MeRecord> {
  // The shell asks for `me` on every page; loading the validators (zod) on
  // demand keeps them out of the first JavaScript the browser downloads.
  const [{ data }, { meSchema, parseResponse }] = await Promise.all([
    http.get<unknown>("/auth/me/", { signal }),
    import("./schemas"),
  ]);
  return parseResponse(meSchema, data);
}
