import { HttpResponse, delay, http as mock } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { initialAuthState, loggedOut } from "@/store/authSlice";
import { makeStore } from "@/store/store";
import { initialUiState } from "@/store/uiSlice";
import { api, server } from "@/test/server";
import { REFRESH_TOKEN_KEY, tokenStore } from "@/utils/tokenStore";

import { refreshSession } from "./auth";
import { ApiError } from "./errors";
import { SESSION_EXPIRED_MESSAGE, createHttp } from "./http";

/** An instance wired like the app's: the real refresh call, logout through a Redux store. */
function setup() {
  const store = makeStore({ auth: initialAuthState(true), ui: initialUiState("light") });
  const onSessionExpired = vi.fn(() => store.dispatch(loggedOut("expired")));
  const refreshAccess = vi.fn(refreshSession);
  const client = createHttp({ baseURL: "/api/v1", timeout: 10_000, tokens: tokenStore, refreshAccess, onSessionExpired });
  return { client, store, onSessionExpired, refreshAccess };
}

/** A protected endpoint: 200 for the current good token, 401 otherwise. Records what it saw. */
function protectedEndpoint(goodToken: () => string) {
  const seen: (string | null)[] = [];
  server.use(
    mock.get(api("/collectibles/:id/"), ({ request, params }) => {
      const auth = request.headers.get("Authorization");
      seen.push(auth);
      if (auth !== `Bearer ${goodToken()}`) {
        return HttpResponse.json({ detail: "Given token not valid for any token type", code: "token_not_valid" }, { status: 401 });
      }
      return HttpResponse.json({ id: Number(params.id) });
    }),
  );
  return seen;
}

function refreshEndpoint(answer: (refresh: string) => Response | Promise<Response>) {
  const calls: string[] = [];
  server.use(
    mock.post(api("/auth/token/refresh/"), async ({ request }) => {
      const { refresh } = (await request.json()) as { refresh: string };
      calls.push(refresh);
      await delay(30); // long enough for every concurrent 401 to queue behind it
      return answer(refresh);
    }),
  );
  return calls;
}

beforeEach(() => {
  tokenStore.setTokens({ access: "expired-access", refresh: "refresh-1" });
});

describe("http", () => {
  it("sends JSON headers and the bearer token", async () => {
    let headers: Headers | undefined;
    server.use(
      mock.get(api("/ping/"), ({ request }) => {
        headers = request.headers;
        return HttpResponse.json({});
      }),
    );
    tokenStore.setAccess("good");
    await setup().client.get("/ping/");
    expect(headers?.get("Authorization")).toBe("Bearer good");
    expect(headers?.get("Accept")).toContain("application/json");
  });

  it("refreshes once for several concurrent 401s and replays each request with the new token", async () => {
    const seen = protectedEndpoint(() => "fresh-access");
    const refreshCalls = refreshEndpoint(() => HttpResponse.json({ access: "fresh-access", refresh: "refresh-2" }));
    const { client, refreshAccess, onSessionExpired } = setup();

    const responses = await Promise.all([1, 2, 3, 4].map((id) => client.get(`/collectibles/${id}/`)));

    expect(responses.map((response) => (response.data as { id: number }).id)).toEqual([1, 2, 3, 4]);
    expect(refreshCalls).toEqual(["refresh-1"]);
    expect(refreshAccess).toHaveBeenCalledTimes(1);
    expect(onSessionExpired).not.toHaveBeenCalled();
    // Four failures with the old token, then four replays with the new one.
    expect(seen.filter((auth) => auth === "Bearer expired-access")).toHaveLength(4);
    expect(seen.filter((auth) => auth === "Bearer fresh-access")).toHaveLength(4);
    // The API rotates refresh tokens: the new one is kept.
    expect(tokenStore.getAccess()).toBe("fresh-access");
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe("refresh-2");
  });

  it("rejects every queued request, clears the tokens and logs out when the refresh fails", async () => {
    protectedEndpoint(() => "never");
    const refreshCalls = refreshEndpoint(() =>
      HttpResponse.json({ detail: "Token is blacklisted", code: "token_not_valid" }, { status: 401 }),
    );
    const { client, store, onSessionExpired } = setup();

    const results = await Promise.allSettled([1, 2, 3].map((id) => client.get(`/collectibles/${id}/`)));

    expect(refreshCalls).toHaveLength(1);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      const reason = (result as PromiseRejectedResult).reason as ApiError;
      expect(reason).toBeInstanceOf(ApiError);
      expect(reason).toMatchObject({ message: SESSION_EXPIRED_MESSAGE, status: 401 });
    }
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(store.getState().auth).toEqual({ status: "anonymous", signOutReason: "expired" });
    expect(tokenStore.getAccess()).toBeNull();
    expect(tokenStore.getRefresh()).toBeNull();
  });

  it("never refreshes a request that was already replayed (no loops)", async () => {
    const seen = protectedEndpoint(() => "not-even-the-new-one");
    const refreshCalls = refreshEndpoint(() => HttpResponse.json({ access: "fresh-access", refresh: "refresh-2" }));
    const { client, onSessionExpired } = setup();

    const error = await client.get("/collectibles/1/").catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(refreshCalls).toHaveLength(1);
    expect(seen).toEqual(["Bearer expired-access", "Bearer fresh-access"]);
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it("replays a late 401 with the token a finished refresh already brought", async () => {
    protectedEndpoint(() => "fresh-access");
    const refreshCalls = refreshEndpoint(() => HttpResponse.json({ access: "x", refresh: "y" }));
    const { client } = setup();
    // Sent with the old token, answered after another request refreshed it.
    server.use(
      mock.get(api("/collectibles/9/"), ({ request }) => {
        if (request.headers.get("Authorization") === "Bearer fresh-access") return HttpResponse.json({ id: 9 });
        tokenStore.setAccess("fresh-access");
        return HttpResponse.json({ detail: "expired" }, { status: 401 });
      }),
    );
    const response = await client.get("/collectibles/9/");
    expect(response.data).toEqual({ id: 9 });
    expect(refreshCalls).toHaveLength(0);
  });

  it("tries the refresh token another tab stored when ours was rotated meanwhile", async () => {
    protectedEndpoint(() => "fresh-access");
    const refreshCalls = refreshEndpoint((refresh) => {
      if (refresh === "refresh-1") {
        localStorage.setItem(REFRESH_TOKEN_KEY, "rotated-by-other-tab");
        return HttpResponse.json({ detail: "Token is blacklisted" }, { status: 401 });
      }
      return HttpResponse.json({ access: "fresh-access", refresh: "refresh-3" });
    });
    const { client, onSessionExpired } = setup();
    await client.get("/collectibles/1/");
    expect(refreshCalls).toEqual(["refresh-1", "rotated-by-other-tab"]);
    expect(tokenStore.getRefresh()).toBe("refresh-3");
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it("passes other errors on, normalized", async () => {
    server.use(mock.get(api("/collectibles/1/"), () => HttpResponse.json({ detail: "Not found." }, { status: 404 })));
    const { client, refreshAccess } = setup();
    await expect(client.get("/collectibles/1/")).rejects.toMatchObject({ message: "Not found.", status: 404 });
    expect(refreshAccess).not.toHaveBeenCalled();
  });
});
