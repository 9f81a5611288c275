/**
 * Build-time configuration, read once from `import.meta.env` with safe defaults.
 *
 * VITE_API_BASE_URL: where the API lives. The default `/api/v1` is right both
 * behind Django (same origin) and behind the Vite dev server (which proxies /api).
 */
function apiBaseUrl(value: string | undefined): string {
  const url = (value ?? "").trim() || "/api/v1";
  if (!url.startsWith("/") && !/^https?:\/\//.test(url)) {
    throw new Error(`VITE_API_BASE_URL must be a path or an http(s) URL, got "${url}"`);
  }
  return url.replace(/\/+$/, "");
}

export const env = {
  apiBaseUrl: apiBaseUrl(import.meta.env.VITE_API_BASE_URL),
  /** Requests slower than this fail with a time-out error (TanStack Query decides on retries). */
  requestTimeoutMs: 10_000,
  /**
   * For the few requests whose work grows with the data (an import's upload,
   * commit and rollback, an export, a bulk edit): a 100,000-row import takes
   * tens of seconds, and giving up early would not stop the server.
   */
  longRequestTimeoutMs: 10 * 60_000,
} as const;
