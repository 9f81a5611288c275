/** Who is signed in (server state, from `/auth/me/`) and what they may do. */
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

import { fetchMe, logout } from "@/api/auth";
import type { MeRecord } from "@/api/schemas";
import { loggedOut } from "@/store/authSlice";
import { useAppDispatch } from "@/store/hooks";

export const meQueryOptions = () =>
  queryOptions({ queryKey: ["me"], queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQueryOptions());
}

/** Owners and editors may create, change and delete; viewers (and users with no vendor) only read. */
export function canWrite(me: Pick<MeRecord, "role" | "vendor"> | undefined): boolean {
  return Boolean(me?.vendor) && (me?.role === "owner" || me?.role === "editor");
}

export function useCanWrite(): boolean {
  return canWrite(useMe().data);
}

/** Log out: blacklist the refresh token, forget every cached answer, show the login page. */
export function useLogout(): () => Promise<void> {
  const dispatch = useAppDispatch();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await logout();
    dispatch(loggedOut("logout"));
    queryClient.clear();
  }, [dispatch, queryClient]);
}
