import { setupServer } from "msw/node";

/** The MSW server every unit test shares; tests add their handlers with `server.use`. */
export const server = setupServer();

/** Handlers match any origin: Axios resolves `/api/v1` against jsdom's location. */
export const api = (path: string) => `*/api/v1${path}`;
