import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { redactedUrl, requireRedisForWorkers, StartRefusal, workerCount } from "~/utils/workers.server";

describe("WORKERS", () => {
  it("is one process when unset or empty, the number of cores for auto, else the number given", () => {
    expect(workerCount(undefined)).toBe(1);
    expect(workerCount("")).toBe(1);
    expect(workerCount(" 1 ")).toBe(1);
    expect(workerCount("4")).toBe(4);
    expect(workerCount("AUTO")).toBe(availableParallelism());
  });

  it("refuses what is not a whole number from 1 to 256", () => {
    for (const value of ["0", "-2", "1.5", "two", "257", "2x"])
      expect(() => workerCount(value)).toThrow(StartRefusal);
  });

  it("needs REDIS_URL for more than one process, and only then", () => {
    expect(() => requireRedisForWorkers(1, undefined)).not.toThrow();
    expect(() => requireRedisForWorkers(1, "")).not.toThrow();
    expect(() => requireRedisForWorkers(2, "redis://127.0.0.1:6379")).not.toThrow();
    expect(() => requireRedisForWorkers(2, "")).toThrow(/Set REDIS_URL/);
    expect(() => requireRedisForWorkers(2, undefined)).toThrow(StartRefusal);
  });

  it("never prints a Redis password", () => {
    expect(redactedUrl("redis://:s3cret@cache.internal:6379/0")).not.toContain("s3cret");
    expect(redactedUrl("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
    expect(redactedUrl("not a url")).toBe("(not a URL)");
  });
});
