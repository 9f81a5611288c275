import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http as mock } from "msw";
import { describe, expect, it } from "vitest";

import type { StaffMember } from "@/api/staff";
import { me } from "@/test/fixtures";
import { renderRoute } from "@/test/render";
import { api, server } from "@/test/server";

import StaffPage from "./StaffPage";

const member = (overrides: Partial<StaffMember>): StaffMember => ({
  id: 2,
  username: "pallet-editor",
  email: "",
  role: "editor",
  is_active: true,
  invitation_pending: false,
  last_login: null,
  date_joined: "2026-12-01T10:00:00Z",
  ...overrides,
});

const SHOP = {
  id: 1,
  name: "Pallet Town Cards",
  slug: "pallet-town-cards",
  contact_email: "hello@pallet.example",
  default_currency: "USD",
  time_zone: "UTC",
  low_stock_threshold: 2,
};

function answers(role: "owner" | "viewer", staff: StaffMember[]) {
  const requests: { method: string; url: string; body: unknown }[] = [];
  server.use(
    mock.get(api("/auth/me/"), () => HttpResponse.json(me(role))),
    mock.get(api("/staff/"), () => HttpResponse.json(staff)),
    mock.get(api("/staff/history/"), () =>
      HttpResponse.json([
        { id: 1, at: "2026-12-05T10:00:00Z", kind: "role_changed", actor: "pallet-owner", member_username: "pallet-editor", old_value: "viewer", new_value: "editor" },
      ]),
    ),
    mock.post(api("/staff/"), async ({ request }) => {
      const body = (await request.json()) as { username: string };
      requests.push({ method: "POST", url: request.url, body });
      if (body.username === "taken") return HttpResponse.json({ username: ["This username is taken."] }, { status: 400 });
      return HttpResponse.json(
        {
          member: member({ id: 9, username: body.username, invitation_pending: true }),
          invitation: { uid: "OQ", token: "abc-123", path: "/invite/OQ/abc-123", expires_in_days: 7 },
        },
        { status: 201 },
      );
    }),
    mock.get(api("/shop/"), () => HttpResponse.json(SHOP)),
    mock.patch(api("/shop/"), async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      requests.push({ method: "PATCH", url: request.url, body });
      if (body.time_zone === "Mars/Olympus") return HttpResponse.json({ time_zone: ["'Mars/Olympus' is not a time zone."] }, { status: 400 });
      return HttpResponse.json({ ...SHOP, ...body });
    }),
    mock.patch(api("/staff/:id/"), async ({ request }) => {
      requests.push({ method: "PATCH", url: request.url, body: await request.json() });
      return HttpResponse.json({ detail: "A shop needs an active owner: make someone else an owner first." }, { status: 409 });
    }),
  );
  return requests;
}

describe("staff page", () => {
  it("lets an owner add a member and shows the one-time invitation link", async () => {
    const requests = answers("owner", [member({ id: 7, username: "pallet-owner", role: "owner" }), member({})]);
    const { user } = renderRoute(<StaffPage />, { path: "/staff" });
    const form = await screen.findByRole("form", { name: "Add a member" });
    await user.type(within(form).getByLabelText("Username"), "misty");
    await user.selectOptions(within(form).getByLabelText("Role"), "viewer");
    await user.click(within(form).getByRole("button", { name: "Add member" }));
    const link = await screen.findByLabelText("Invitation link for misty");
    expect(link).toHaveValue(`${window.location.origin}/invite/OQ/abc-123`);
    expect(requests[0]?.body).toEqual({ username: "misty", email: "", role: "viewer" });
    expect(await screen.findByRole("list", { name: "Staff history" })).toHaveTextContent("pallet-owner changed the role of pallet-editor (viewer → editor)");
  });

  it("shows a taken username on its field", async () => {
    answers("owner", []);
    const { user } = renderRoute(<StaffPage />, { path: "/staff" });
    const form = await screen.findByRole("form", { name: "Add a member" });
    await user.type(within(form).getByLabelText("Username"), "taken");
    await user.click(within(form).getByRole("button", { name: "Add member" }));
    expect(await within(form).findByText("This username is taken.")).toBeInTheDocument();
  });

  it("says why the last owner cannot step down", async () => {
    const requests = answers("owner", [member({ id: 7, username: "pallet-owner", role: "owner" })]);
    const { user } = renderRoute(<StaffPage />, { path: "/staff" });
    await user.selectOptions(await screen.findByLabelText("Role of pallet-owner"), "editor");
    expect(await screen.findByText(/A shop needs an active owner/)).toBeInTheDocument();
    await waitFor(() => expect(requests.at(-1)?.body).toEqual({ role: "editor" }));
  });

  it("is read-only for a viewer", async () => {
    answers("viewer", [member({ id: 7, username: "pallet-owner", role: "owner" }), member({ invitation_pending: true })]);
    renderRoute(<StaffPage />, { path: "/staff" });
    const table = await screen.findByRole("table", { name: "Staff" });
    expect(await within(table).findByText("Owner")).toBeInTheDocument();
    expect(within(table).getByText("Invited")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Add a member" })).not.toBeInTheDocument();
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
    expect(screen.queryByText("History")).not.toBeInTheDocument();
  });

  it("lets an owner change the shop's settings and shows a refused one on its field", async () => {
    const requests = answers("owner", []);
    const { user } = renderRoute(<StaffPage />, { path: "/staff" });
    const form = await screen.findByRole("form", { name: "Shop settings" });
    const zone = await within(form).findByLabelText("Time zone");
    await user.clear(zone);
    await user.type(zone, "Mars/Olympus");
    await user.click(within(form).getByRole("button", { name: "Save settings" }));
    expect(await within(form).findByText("'Mars/Olympus' is not a time zone.")).toBeInTheDocument();
    await user.clear(zone);
    await user.type(zone, "Europe/Berlin");
    await user.click(within(form).getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(requests.at(-1)?.body).toMatchObject({ time_zone: "Europe/Berlin", low_stock_threshold: 2 }));
  });

  it("shows the shop's settings read-only to others", async () => {
    answers("viewer", []);
    renderRoute(<StaffPage />, { path: "/staff" });
    const form = await screen.findByRole("form", { name: "Shop settings" });
    expect(await within(form).findByLabelText("Shop name")).toHaveAttribute("readonly");
    expect(within(form).queryByRole("button", { name: "Save settings" })).not.toBeInTheDocument();
  });
});
