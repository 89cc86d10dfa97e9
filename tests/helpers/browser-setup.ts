import { afterAll } from "vitest";
import { startTestServer } from "./test-server";

// Each browser test file gets its own production server and fresh demo database, so no file
// depends on what another one changed.
const server = await startTestServer();
(globalThis as { casebookBaseUrl?: string }).casebookBaseUrl = server.baseUrl;

afterAll(async () => {
  await server.stop();
});
