// Imported first by app/root.tsx, so it runs before any module of the page builds a zod schema.
//
// Zod tries `new Function` once, when it builds its first object schema, to pick a faster parser. The
// Content-Security-Policy allows no eval, so in the browser that try fails safely but is still reported
// as a violation, which would hide real ones: there, parse without it. The server keeps the fast path.
import { config } from "zod";

if (typeof document !== "undefined") config({ jitless: true });
