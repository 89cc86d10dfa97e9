import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Browser tests: Chromium against the production build (npm run build first). Each file starts its own
// server with a fresh demo database (tests/helpers/browser-setup.ts); files run one at a time.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/browser/**/*.test.ts"],
    setupFiles: ["tests/helpers/browser-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
