/**
 * zod, configured before any schema exists: jitless, so it never compiles a
 * parser with `new Function`. The Content-Security-Policy allows no eval
 * (docs/security.md, "Headers (CSP)"), and zod's own probe for eval would be
 * reported as a violation. Import `z` from here, never from "zod" (ESLint
 * enforces it).
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
