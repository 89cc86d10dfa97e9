// The framework's ceiling for `npm run bench` (scripts/bench/run.ts): a Remix resource route that reads
// nothing and answers a constant, so each page's requests per second can be set against it. It exists
// only on a server started with BENCH=1; everywhere else it is the same 404 as any unknown address.
import { notFound } from "~/utils/permissions.server";

export function loader() {
  if (process.env.BENCH !== "1") throw notFound();
  return new Response("ok", {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
