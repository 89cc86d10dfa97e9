import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Browser tests: Chromium against the production build (npm run build first). Each file starts its own
// server with a fresh demo database on a free port (tests/helpers/browser-setup.ts), so files share nothing:
// two run at once, which keeps the whole suite within CI's budget on 2 cores (33 files took 7.7 min two at a
// time, about 9 one at a time before the accessibility walk was added).
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/browser/**/*.test.ts"],
    setupFiles: ["tests/helpers/browser-setup.ts"],
    fileParallelism: true,
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
