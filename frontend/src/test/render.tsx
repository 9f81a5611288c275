import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { RouterProvider, createMemoryRouter, useLocation } from "react-router";

import { AppProviders } from "@/app/AppProviders";
import { initialAuthState } from "@/store/authSlice";
import { makeStore } from "@/store/store";
import { initialUiState } from "@/store/uiSlice";

function WhereAmI() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

/**
 * Render a screen the way the app does: a fresh Redux store, a fresh
 * QueryClient (no retries) and a memory router at `route`. Any other path
 * renders its own location, so tests can see where a screen navigated to.
 */
export function renderRoute(
  element: ReactElement,
  { path = "/", route = path, authenticated = true }: { path?: string; route?: string; authenticated?: boolean } = {},
) {
  const store = makeStore({ auth: initialAuthState(authenticated), ui: initialUiState("light") });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path, element },
      { path: "*", element: <WhereAmI /> },
    ],
    { initialEntries: [route] },
  );
  const user = userEvent.setup();
  const view = render(
    <AppProviders store={store} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, store, queryClient, router, user };
}
