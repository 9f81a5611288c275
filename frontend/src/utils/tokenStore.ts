/**
 * Where the JWTs live.
 *
 * - The access token (15 minutes) only in memory: script injected into the
 *   page cannot read it from storage, and a reload simply refreshes it.
 * - The refresh token in localStorage, so a reload or a new tab keeps the
 *   session. The trade-off: script running in the page (XSS) could read it.
 *   The backend limits the damage: refresh tokens rotate and are blacklisted
 *   on use and on logout, and expire after 7 days. An httpOnly cookie would be
 *   safer, but the API issues tokens in JSON bodies only (see frontend/README.md).
 *
 * The refresh token is read from storage on every call (never cached), so a
 * rotation done by another tab is seen here at once.
 */
export const REFRESH_TOKEN_KEY = "omnistock.refreshToken";

let accessToken: string | null = null;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode): the session lasts until reload
  }
}

let memoryRefreshToken: string | null = null;

export const tokenStore = {
  getAccess(): string | null {
    return accessToken;
  },
  setAccess(token: string | null): void {
    accessToken = token;
  },
  getRefresh(): string | null {
    const store = storage();
    return store ? store.getItem(REFRESH_TOKEN_KEY) : memoryRefreshToken;
  },
  setRefresh(token: string | null): void {
    const store = storage();
    if (!store) {
      memoryRefreshToken = token;
    } else if (token) {
      store.setItem(REFRESH_TOKEN_KEY, token);
    } else {
      store.removeItem(REFRESH_TOKEN_KEY);
    }
  },
  /** Store a new pair (login, or a refresh that rotated the refresh token). */
  setTokens(tokens: { access: string; refresh: string }): void {
    tokenStore.setAccess(tokens.access);
    tokenStore.setRefresh(tokens.refresh);
  },
  hasSession(): boolean {
    return tokenStore.getRefresh() !== null;
  },
  clear(): void {
    tokenStore.setAccess(null);
    tokenStore.setRefresh(null);
  },
};

export type TokenStore = typeof tokenStore;
