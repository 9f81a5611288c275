/** Where to go after signing in: back to the page the user asked for, else the list. */
export const DEFAULT_AFTER_LOGIN = "/collectibles";

export interface LoginRedirectState {
  from?: { pathname: string; search?: string; hash?: string };
}

export function redirectTarget(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  // Only paths inside this app ("//host" would leave it).
  if (!from || typeof from.pathname !== "string" || !from.pathname.startsWith("/") || from.pathname.startsWith("//")) {
    return DEFAULT_AFTER_LOGIN;
  }
  if (from.pathname === "/login") return DEFAULT_AFTER_LOGIN;
  return `${from.pathname}${from.search ?? ""}${from.hash ?? ""}`;
}
