import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ command }) => ({
  plugins: [
    remix({
      // BUILD_DIR lets parallel test runs build side by side; server.ts reads the same variable.
      buildDirectory: process.env.BUILD_DIR || "build",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
  build: { target: "es2022" },
  // The server build carries its dependencies in one file: Node then starts without resolving and reading
  // hundreds of package files (most of the cold start). Native modules stay outside, and so does the Remix
  // runtime, which server.ts's request handler shares with the app, and Yjs. `npm run dev` loads them as they are.
  ssr:
    command === "build"
      ? {
          noExternal: true,
          external: [
            "better-sqlite3",
            "@node-rs/argon2",
            "@remix-run/node",
            "@remix-run/server-runtime",
            // Live Yjs documents cross from server.ts (Hocuspocus) into the app's models: both must use the
            // one Yjs module, or its constructor checks fail and changes go astray.
            "yjs",
            "y-protocols",
            "lib0",
            "@tiptap/y-tiptap",
            "@hocuspocus/server",
            // Launches a browser of its own from files beside it: bundled, it could not find them.
            "playwright-core",
            // Runs in a worker thread of its own (case-files/docx-reader.worker.mjs).
            "mammoth",
          ],
        }
      : undefined,
}));
