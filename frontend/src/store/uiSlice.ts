/** UI state that outlives a screen: the theme choice and a one-off notice. */
import { type PayloadAction, createSlice } from "@reduxjs/toolkit";

export type ThemePreference = "light" | "dark" | "system";

/** A confirmation ("Deleted …"), or a failure the screen that caused it is no longer there to show. */
export type FlashTone = "success" | "error";

export interface Flash {
  id: number;
  message: string;
  tone: FlashTone;
}

export interface UiState {
  theme: ThemePreference;
  flash: Flash | null;
}

export const initialUiState = (theme: ThemePreference): UiState => ({ theme, flash: null });

let flashIds = 0;

const uiSlice = createSlice({
  name: "ui",
  initialState: initialUiState("system"),
  reducers: {
    themeChosen(state, action: PayloadAction<ThemePreference>) {
      state.theme = action.payload;
    },
    flashShown: {
      reducer(state, action: PayloadAction<Flash>) {
        state.flash = action.payload;
      },
      prepare(message: string, tone: FlashTone = "success") {
        flashIds += 1;
        return { payload: { id: flashIds, message, tone } };
      },
    },
    flashDismissed(state) {
      state.flash = null;
    },
  },
});

export const { themeChosen, flashShown, flashDismissed } = uiSlice.actions;
export const uiReducer = uiSlice.reducer;
