import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Provider } from "react-redux";

import { useThemeEffect } from "@/features/shell/ThemeMenu";
import type { AppStore } from "@/store/store";

function ThemeSync() {
  useThemeEffect();
  return null;
}

export function AppProviders({ store, queryClient, children }: { store: AppStore; queryClient: QueryClient; children: ReactNode }) {
  return (
    <Provider store={store}>
      <QueryClientProvider client={queryClient}>
        <ThemeSync />
        {children}
      </QueryClientProvider>
    </Provider>
  );
}
