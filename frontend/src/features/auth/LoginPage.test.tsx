import { screen, waitFor } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { describe, expect, it } from "vitest";

import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";
import { tokenStore } from "@/utils/tokenStore";

import LoginPage from "./LoginPage";
import { redirectTarget } from "./redirect";

describe("login", () => {
  it("shows wrong credentials inline and keeps the user on the page", async () => {
    server.use(
      mock.post(api("/auth/token/"), () =>
        HttpResponse.json({ detail: "No active account found with the given credentials" }, { status: 401 }),
      ),
    );
    const { user, store } = renderRoute(<LoginPage />, { path: "/login", authenticated: false });
    await user.type(await screen.findByLabelText("Username"), "pallet-owner");
    await user.type(screen.getByLabelText("Password"), "nope");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Wrong username or password.")).toBeInTheDocument();
    expect(store.getState().auth.status).toBe("anonymous");
  });

  it("asks for both fields before calling the API", async () => {
    const { user } = renderRoute(<LoginPage />, { path: "/login", authenticated: false });
    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter your username.")).toBeInTheDocument();
    expect(screen.getByText("Enter your password.")).toBeInTheDocument();
  });

  it("signs in, stores the tokens and goes to the list", async () => {
    server.use(mock.post(api("/auth/token/"), () => HttpResponse.json({ access: "a1", refresh: "r1" })));
    const { user, store, router } = renderRoute(<LoginPage />, { path: "/login", authenticated: false });
    await user.type(await screen.findByLabelText("Username"), "pallet-owner");
    await user.type(screen.getByLabelText("Password"), "omnistock-demo");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/collectibles"));
    expect(store.getState().auth.status).toBe("authenticated");
    expect(tokenStore.getAccess()).toBe("a1");
    expect(tokenStore.getRefresh()).toBe("r1");
  });
});

describe("redirectTarget", () => {
  it("goes back to where the user was going, inside the app only", () => {
    expect(redirectTarget({ from: { pathname: "/collectibles/5", search: "?x=1" } })).toBe("/collectibles/5?x=1");
    expect(redirectTarget({ from: { pathname: "//evil.example" } })).toBe("/collectibles");
    expect(redirectTarget({ from: { pathname: "/login" } })).toBe("/collectibles");
    expect(redirectTarget(null)).toBe("/collectibles");
  });
});
