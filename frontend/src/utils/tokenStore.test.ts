import { describe, expect, it, vi } from "vitest";

import { REFRESH_TOKEN_KEY, tokenStore } from "./tokenStore";

describe("tokenStore", () => {
  it("keeps the access token in memory only and persists the refresh token", () => {
    tokenStore.setTokens({ access: "access-1", refresh: "refresh-1" });
    expect(tokenStore.getAccess()).toBe("access-1");
    expect(tokenStore.getRefresh()).toBe("refresh-1");
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe("refresh-1");
    expect(Object.keys(localStorage).map((key) => localStorage.getItem(key))).not.toContain("access-1");
    expect(tokenStore.hasSession()).toBe(true);
  });

  it("survives a reload with the refresh token only", async () => {
    tokenStore.setTokens({ access: "access-1", refresh: "refresh-1" });
    vi.resetModules();
    const { tokenStore: reloaded } = await import("./tokenStore");
    expect(reloaded.getAccess()).toBeNull();
    expect(reloaded.getRefresh()).toBe("refresh-1");
    expect(reloaded.hasSession()).toBe(true);
  });

  it("reads the refresh token from storage each time (another tab may have rotated it)", () => {
    tokenStore.setRefresh("mine");
    localStorage.setItem(REFRESH_TOKEN_KEY, "rotated-elsewhere");
    expect(tokenStore.getRefresh()).toBe("rotated-elsewhere");
  });

  it("clear() forgets both tokens", () => {
    tokenStore.setTokens({ access: "a", refresh: "r" });
    tokenStore.clear();
    expect(tokenStore.getAccess()).toBeNull();
    expect(tokenStore.getRefresh()).toBeNull();
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(tokenStore.hasSession()).toBe(false);
  });

  it("falls back to memory when storage is unavailable", () => {
    const spy = vi.spyOn(window, "localStorage", "get").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    tokenStore.setRefresh("in-memory");
    expect(tokenStore.getRefresh()).toBe("in-memory");
    tokenStore.clear();
    expect(tokenStore.getRefresh()).toBeNull();
    spy.mockRestore();
  });
});
