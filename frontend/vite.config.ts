/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";

import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dev server proxies the API to Django (`make dev` starts both); the
// production build is served by Django itself from frontend/dist.
const apiTarget = process.env.OMNISTOCK_API_PROXY ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    proxy: {
      "/api": { target: apiTarget, changeOrigin: true },
      "/media": { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    sourcemap: true,
    // scripts/report-bundle-size.mjs reads it to find what the first page load downloads.
    manifest: true,
    // The budget that matters is gzip of the initial load, enforced by scripts/report-bundle-size.mjs.
    chunkSizeWarningLimit: 400,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    restoreMocks: true,
    // Full journeys through forms take ~1 s on a quiet machine; a shared CI
    // runner can be several times slower, and a slow run is not a failure.
    testTimeout: 20_000,
    coverage: {
      provider: "v8",
      include: ["src/**/*.{ts,tsx}"],
      exclude: ["src/api/generated/**", "src/test/**", "src/**/*.test.{ts,tsx}", "src/main.tsx"],
    },
  },
});
