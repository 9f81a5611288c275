/**
 * Client-side session state: are we signed in, and why did we stop being?
 * Who the user is (role, vendor) is server state: TanStack Query's `me`.
 */
import { type PayloadAction, createSlice } from "@reduxjs/toolkit";

export type SignOutReason = "logout" | "expired";

export interface AuthState {
  status: "authenticated" | "anonymous";
  signOutReason: SignOutReason | null;
}

export const initialAuthState = (hasSession: boolean): AuthState => ({
  status: hasSession ? "authenticated" : "anonymous",
  signOutReason: null,
});

const authSlice = createSlice({
  name: "auth",
  initialState: initialAuthState(false),
  reducers: {
    loggedIn(state) {
      state.status = "authenticated";
      state.signOutReason = null;
    },
    loggedOut(state, action: PayloadAction<SignOutReason>) {
      state.status = "anonymous";
      state.signOutReason = action.payload;
    },
  },
});

export const { loggedIn, loggedOut } = authSlice.actions;
export const authReducer = authSlice.reducer;
