// The framework's ceiling route answers only on a benchmark server: elsewhere it is an unknown address.
import { afterEach, describe, expect, it } from "vitest";
import { loader } from "~/routes/bench.bare";

describe("bench.bare route", () => {
  afterEach(() => {
    delete process.env.BENCH;
  });

  it("is a 404 unless the server runs with BENCH=1", () => {
    expect(() => loader()).toThrow();
    try {
      loader();
    } catch (thrown) {
      expect((thrown as { init?: { status?: number } }).init?.status).toBe(404);
    }
  });

  it("answers a constant with BENCH=1, and keeps no copy in caches", async () => {
    process.env.BENCH = "1";
    const response = loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.text()).toBe("ok");
  });
});
