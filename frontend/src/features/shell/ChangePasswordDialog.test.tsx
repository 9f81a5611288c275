import { screen, waitFor } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { beforeEach, describe, expect, it } from "vitest";

import { me } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";
import { tokenStore } from "@/utils/tokenStore";

import { PASSWORD_CHANGED_MESSAGE } from "./ChangePasswordDialog";
import { UserMenu } from "./UserMenu";

async function openDialog() {
  const view = renderRoute(<UserMenu />);
  await view.user.click(await screen.findByRole("button", { name: "Account: pallet-owner" }));
  await view.user.click(await screen.findByRole("menuitem", { name: "Change password" }));
  expect(await screen.findByRole("dialog", { name: "Change password" })).toBeInTheDocument();
  return view;
}

async function fill(user: ReturnType<typeof renderRoute>["user"], old: string, next: string, confirm = next) {
  await user.type(screen.getByLabelText("Current password"), old);
  await user.type(screen.getByLabelText("New password"), next);
  await user.type(screen.getByLabelText("Confirm new password"), confirm);
  await user.click(screen.getByRole("button", { name: "Change password" }));
}

describe("change password", () => {
  beforeEach(() => {
    tokenStore.setTokens({ access: "a1", refresh: "r1" });
    server.use(mock.get(api("/auth/me/"), () => HttpResponse.json(me("owner"))));
  });

  it("sends both passwords, stores the new pair of this session and says the others ended", async () => {
    let sent: unknown = null;
    let bearer: string | null = null;
    server.use(
      mock.post(api("/auth/password/"), async ({ request }) => {
        sent = await request.json();
        bearer = request.headers.get("Authorization");
        return HttpResponse.json({ access: "a2", refresh: "r2" });
      }),
    );
    const { user, store } = await openDialog();
    await fill(user, "old-secret", "a-much-longer-new-passphrase");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(sent).toEqual({ old_password: "old-secret", new_password: "a-much-longer-new-passphrase" });
    expect(bearer).toBe("Bearer a1");
    expect(tokenStore.getAccess()).toBe("a2");
    expect(tokenStore.getRefresh()).toBe("r2");
    expect(store.getState().ui.flash?.message).toBe(PASSWORD_CHANGED_MESSAGE);
  });

  it("shows the server's refusals on their fields and keeps the tokens", async () => {
    server.use(
      mock.post(api("/auth/password/"), () =>
        HttpResponse.json(
          {
            old_password: ["This is not your current password."],
            new_password: ["This password is too common."],
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = await openDialog();
    await fill(user, "wrong", "password123");

    expect(await screen.findByText("This is not your current password.")).toBeInTheDocument();
    expect(screen.getByText("This password is too common.")).toBeInTheDocument();
    expect(screen.getByLabelText("Current password")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("dialog", { name: "Change password" })).toBeInTheDocument();
    expect(tokenStore.getRefresh()).toBe("r1");
  });

  it("says so when attempts are throttled", async () => {
    server.use(
      mock.post(api("/auth/password/"), () =>
        HttpResponse.json({ detail: "Request was throttled. Expected available in 42 seconds." }, { status: 429 }),
      ),
    );
    const { user } = await openDialog();
    await fill(user, "old-secret", "a-much-longer-new-passphrase");
    expect(await screen.findByText("Request was throttled. Expected available in 42 seconds.")).toBeInTheDocument();
  });

  it("checks that both new passwords match before calling the API", async () => {
    let called = false;
    server.use(
      mock.post(api("/auth/password/"), () => {
        called = true;
        return HttpResponse.json({ access: "a2", refresh: "r2" });
      }),
    );
    const { user } = await openDialog();
    await fill(user, "old-secret", "a-much-longer-new-passphrase", "a-much-longer-new-passphrasf");
    expect(await screen.findByText("The two new passwords differ.")).toBeInTheDocument();
    expect(called).toBe(false);
  });

  it("cancel closes without a request and forgets what was typed", async () => {
    const { user } = await openDialog();
    await user.type(screen.getByLabelText("Current password"), "half-typed");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await user.click(screen.getByRole("button", { name: "Account: pallet-owner" }));
    await user.click(await screen.findByRole("menuitem", { name: "Change password" }));
    expect(await screen.findByLabelText("Current password")).toHaveValue("");
  });
});
