/**
 * The one Axios instance every API call goes through.
 *
 * - base URL and time-out from config/env.ts, JSON in and out;
 * - `Authorization: Bearer <access>` from the token store on every request;
 * - a 401 refreshes the access token **once** (single flight): the first 401
 *   starts the refresh, every 401 that arrives meanwhile waits for the same
 *   refresh, then each replays once with the new token. A request that was
 *   already replayed is never refreshed again, so nothing can loop;
 * - a failed refresh rejects every waiting request, clears the tokens and
 *   reports the expired session (the app turns that into a Redux logout);
 * - every failure reaches callers as an `ApiError` (errors.ts).
 */
import axios, { type AxiosInstance, type InternalAxiosRequestConfig, isAxiosError } from "axios";

import { env } from "@/config/env";
import { type TokenStore, tokenStore } from "@/utils/tokenStore";

import { ApiError, normalizeError } from "./errors";

export const SESSION_EXPIRED_MESSAGE = "Your session has expired. Please sign in again.";

export interface HttpDependencies {
  baseURL: string;
  timeout: number;
  tokens: TokenStore;
  /** Exchange the stored refresh token for a new access token (storing the new pair). */
  refreshAccess: () => Promise<string>;
  /** Called once per failed refresh, after the tokens are cleared. */
  onSessionExpired: () => void;
}

type ReplayableConfig = InternalAxiosRequestConfig & { _replayed?: boolean };

export function createJsonClient({ baseURL, timeout }: Pick<HttpDependencies, "baseURL" | "timeout">) {
  return axios.create({
    baseURL,
    timeout,
    headers: { Accept: "application/json", "Content-Type": "application/json" },
  });
}

export function createHttp(deps: HttpDependencies): AxiosInstance {
  const instance = createJsonClient(deps);
  let refreshing: Promise<string> | null = null;

  const refreshOnce = (): Promise<string> => {
    refreshing ??= deps
      .refreshAccess()
      .catch((error: unknown) => {
        deps.tokens.clear();
        deps.onSessionExpired();
        throw new ApiError({ message: SESSION_EXPIRED_MESSAGE, status: 401, raw: error });
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  };

  instance.interceptors.request.use((config) => {
    const token = deps.tokens.getAccess();
    if (token) config.headers.set("Authorization", `Bearer ${token}`);
    return config;
  });

  instance.interceptors.response.use(undefined, async (error: unknown) => {
    const config = isAxiosError(error) ? (error.config as ReplayableConfig | undefined) : undefined;
    if (!isAxiosError(error) || error.response?.status !== 401 || !config || config._replayed) {
      throw normalizeError(error);
    }
    config._replayed = true;
    const sentWith = config.headers.get("Authorization");
    const current = deps.tokens.getAccess();
    // Sent before a refresh that has finished since: the new token is already here.
    const token =
      current && sentWith !== `Bearer ${current}` && !refreshing ? current : await refreshOnce();
    config.headers.set("Authorization", `Bearer ${token}`);
    return instance(config);
  });

  return instance;
}

/**
 * What the shared instance does to refresh and on an expired session is wired
 * at the composition root (main.tsx, and the test helpers), which keeps this
 * module free of imports from auth.ts and the store.
 */
const session: Pick<HttpDependencies, "refreshAccess" | "onSessionExpired"> = {
  refreshAccess: () => Promise.reject(new Error("configureSession() was not called")),
  onSessionExpired: () => {},
};

export function configureSession(wiring: Pick<HttpDependencies, "refreshAccess" | "onSessionExpired">): void {
  Object.assign(session, wiring);
}

export const http = createHttp({
  baseURL: env.apiBaseUrl,
  timeout: env.requestTimeoutMs,
  tokens: tokenStore,
  refreshAccess: () => session.refreshAccess(),
  onSessionExpired: () => session.onSessionExpired(),
});
