import { combineReducers, configureStore } from "@reduxjs/toolkit";

import { type AuthState, authReducer } from "./authSlice";
import { type UiState, uiReducer } from "./uiSlice";

const rootReducer = combineReducers({ auth: authReducer, ui: uiReducer });

export type RootState = ReturnType<typeof rootReducer>;

export function makeStore(preloadedState: { auth: AuthState; ui: UiState }) {
  return configureStore({ reducer: rootReducer, preloadedState });
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore["dispatch"];
