import { afterAll } from "vitest";
import { startTestServer } from "./test-server";

// Each browser test file gets its own production server and fresh demo database, so no file
// depends on what another one changed.
const server = await startTestServer();
const shared = globalThis as { casebookBaseUrl?: string; casebookDatabaseFile?: string };
shared.casebookBaseUrl = server.baseUrl;
shared.casebookDatabaseFile = server.databaseFile;

afterAll(async () => {
  await server.stop();
});
