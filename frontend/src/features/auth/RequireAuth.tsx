import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";

import { useAppSelector } from "@/store/hooks";

import type { LoginRedirectState } from "./redirect";

/** Signed-out visitors go to /login, which brings them back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const status = useAppSelector((state) => state.auth.status);
  const reason = useAppSelector((state) => state.auth.signOutReason);
  const location = useLocation();
  if (status !== "authenticated") {
    // After an explicit logout there is nowhere to come back to.
    const state: LoginRedirectState | undefined = reason === "logout" ? undefined : { from: location };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}
