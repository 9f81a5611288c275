import "./index.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider, createBrowserRouter } from "react-router";

import { refreshSession } from "@/api/auth";
import { configureSession } from "@/api/http";
import { AppProviders } from "@/app/AppProviders";
import { routes } from "@/app/routes";
import { ErrorBoundary } from "@/components/ErrorBoundary";
import { createQueryClient } from "@/lib/queryClient";
import { storedTheme } from "@/lib/theme";
import { initialAuthState, loggedOut } from "@/store/authSlice";
import { makeStore } from "@/store/store";
import { initialUiState } from "@/store/uiSlice";
import { REFRESH_TOKEN_KEY, tokenStore } from "@/utils/tokenStore";

const store = makeStore({
  auth: initialAuthState(tokenStore.hasSession()),
  ui: initialUiState(storedTheme()),
});
const queryClient = createQueryClient();

configureSession({
  refreshAccess: refreshSession,
  onSessionExpired: () => store.dispatch(loggedOut("expired")),
});

// Logging out in another tab removes the shared refresh token: follow it here.
window.addEventListener("storage", (event) => {
  if (event.key === REFRESH_TOKEN_KEY && event.newValue === null && store.getState().auth.status === "authenticated") {
    tokenStore.setAccess(null);
    store.dispatch(loggedOut("logout"));
    queryClient.clear();
  }
});

const router = createBrowserRouter(routes);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <AppProviders store={store} queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </ErrorBoundary>
  </StrictMode>,
);
