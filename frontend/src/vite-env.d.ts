/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the API lives; default `/api/v1` (same origin, or the dev server's proxy). */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
