import { screen } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { describe, expect, it } from "vitest";

import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";
import { tokenStore } from "@/utils/tokenStore";

import AcceptInvitationPage from "./AcceptInvitationPage";

const renderPage = () =>
  renderRoute(<AcceptInvitationPage />, { path: "/invite/:uid/:token", route: "/invite/OQ/abc-123", authenticated: false });

describe("accepting an invitation", () => {
  it("sets the password, stores the session and opens the app", async () => {
    let sent: unknown;
    server.use(
      mock.post(api("/auth/invitation/"), async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ access: "access-token", refresh: "refresh-token" });
      }),
    );
    const { user, store } = renderPage();
    await user.type(screen.getByLabelText("Password"), "a-long-enough-password");
    await user.type(screen.getByLabelText("Password again"), "a-long-enough-password");
    await user.click(screen.getByRole("button", { name: "Set password and sign in" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/collectibles");
    expect(sent).toEqual({ uid: "OQ", token: "abc-123", password: "a-long-enough-password" });
    expect(tokenStore.getRefresh()).toBe("refresh-token");
    expect(store.getState().auth.status).toBe("authenticated");
  });

  it("refuses two different passwords before asking the server", async () => {
    const { user } = renderPage();
    await user.type(screen.getByLabelText("Password"), "one-password-here");
    await user.type(screen.getByLabelText("Password again"), "another-password");
    await user.click(screen.getByRole("button", { name: "Set password and sign in" }));
    expect(await screen.findByText("The two passwords differ.")).toBeInTheDocument();
  });

  it("shows the server's verdict on the password and on a used link", async () => {
    server.use(
      mock.post(api("/auth/invitation/"), async ({ request }) => {
        const { password } = (await request.json()) as { password: string };
        return password === "short"
          ? HttpResponse.json({ password: ["This password is too short."] }, { status: 400 })
          : HttpResponse.json({ detail: "This invitation link has been used or has expired." }, { status: 400 });
      }),
    );
    const { user } = renderPage();
    await user.type(screen.getByLabelText("Password"), "short");
    await user.type(screen.getByLabelText("Password again"), "short");
    await user.click(screen.getByRole("button", { name: "Set password and sign in" }));
    expect(await screen.findByText("This password is too short.")).toBeInTheDocument();
    await user.clear(screen.getByLabelText("Password"));
    await user.clear(screen.getByLabelText("Password again"));
    await user.type(screen.getByLabelText("Password"), "long-enough-now");
    await user.type(screen.getByLabelText("Password again"), "long-enough-now");
    await user.click(screen.getByRole("button", { name: "Set password and sign in" }));
    expect(await screen.findByText(/has been used or has expired/)).toBeInTheDocument();
  });
});
